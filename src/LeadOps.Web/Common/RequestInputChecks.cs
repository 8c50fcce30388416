using LeadOps.Web.Api;
using LeadOps.Web.Security;
using Microsoft.AspNetCore.Http.Features;

namespace LeadOps.Web.Common;

/// <summary>
/// Checks every request's input before anything reads it: a body larger than <c>Security:MaxRequestBodyBytes</c> (a
/// multipart post to a page that <see cref="AcceptsUploadsAttribute">accepts uploads</see>: Meta's attachment limit) is 413;
/// a query string or form body that is not valid UTF-8 is 400 (ASP.NET Core would read U+FFFD in its place and go on).
/// Answers are ProblemDetails to API callers (<see cref="AuthSchemes.AnswersAsApi"/>) and a plain message elsewhere.
/// Meta's webhook checks its own body (size, signature over the raw bytes, then JSON) and is left alone.
/// </summary>
internal sealed class RequestInputChecks(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/webhook"))
        {
            await next(context);
            return;
        }

        var isMultipart = request.HasFormContentType && request.ContentType!.Contains("multipart", StringComparison.OrdinalIgnoreCase);
        var limit = isMultipart && context.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadsAttribute>() is not null
            ? Math.Max(AcceptsUploadsAttribute.MaxBodyBytes, options.Value.MaxRequestBodyBytes)
            : options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is too large: at most {limit} bytes.");
            return;
        }

        if (!Utf8Input.IsValidUrlEncoded(request.QueryString.Value))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The query string is not valid UTF-8.");
            return;
        }

        if (request.HasFormContentType && !isMultipart)
        {
            request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
            using var buffer = new MemoryStream();
            try
            {
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
            }
            catch (Exception ex) when (ex is BadHttpRequestException or IOException)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is too large: at most {limit} bytes.");
                return;
            }

            request.Body.Position = 0;
            if (!Utf8Input.IsValidUrlEncoded(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "The form is not valid UTF-8.");
                return;
            }
        }

        await next(context);
    }

    internal static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (AuthSchemes.AnswersAsApi(context.Request, context.Request.Path))
        {
            await Results.Problem(ApiResults.Problem(status, message, title: status == 413 ? "Payload too large" : "Bad request")).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}
