using System.IO.Pipelines;
using System.Reflection;

namespace LeadOps.Web.Common;

/// <summary>
/// An unsafe request to an endpoint that takes no body (take, release, test, retry, delete, …) may carry none, or an
/// empty JSON object; anything else is 400. Otherwise a malformed or mistaken body would be ignored and the action done
/// anyway. Endpoints that declare a body, and those that read the request themselves, are left to do so.
/// </summary>
internal sealed class BodylessEndpoints(RequestDelegate next)
{
    public const string Refused = "This endpoint takes no request body: send none (or {}).";
    private const int Sniff = 256;

    public async Task InvokeAsync(HttpContext context)
    {
        if (TakesNoBody(context) && HasBody(context.Request) && !await IsEmptyAsync(context.Request, context.RequestAborted))
        {
            await RequestInputChecks.RefuseAsync(context, StatusCodes.Status400BadRequest, Refused);
            return;
        }

        await next(context);
    }

    private static bool TakesNoBody(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return false;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<MethodInfo>() is not { } handler || metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is not null)
        {
            return false; // not a minimal API endpoint, or one that declares its body
        }

        return !handler.GetParameters().Any(p => p.ParameterType == typeof(HttpContext) || p.ParameterType == typeof(HttpRequest)
            || p.ParameterType == typeof(Stream) || p.ParameterType == typeof(PipeReader));
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static async Task<bool> IsEmptyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        var buffer = new byte[Sniff + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        request.Body.Position = 0;
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim();
        return read <= Sniff && text is "" or "{}" or "null";
    }
}
