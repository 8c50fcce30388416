using LeadOps.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.SignalR;

namespace LeadOps.Web.Security;

/// <summary>
/// Antiforgery for every unsafe request that the browser's cookie authenticates, whatever its body (form, text/plain,
/// JSON or none): ASP.NET Core checks it by itself only for pages and for endpoints that bind a form. The app's own
/// scripts send the token in the <c>X-CSRF-TOKEN</c> header (the layout puts it in a meta tag). Requests authenticated by
/// an API key carry no ambient credential and are exempt, as are endpoints that opt out (<c>DisableAntiforgery</c>:
/// Meta's webhook) and the SignalR hub (its cookie is SameSite=Lax and it changes nothing).
/// </summary>
internal sealed class CookieApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Refused = "The antiforgery token is missing or invalid: a signed-in browser must send the token of its page in the X-CSRF-TOKEN header.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsCheck(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Results.Problem(ApiResults.Problem(StatusCodes.Status400BadRequest, Refused, title: "Bad request")).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool NeedsCheck(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return false;
        }

        if (!PersonOnly.IsPerson(context.User))
        {
            return false;
        }

        var endpoint = context.GetEndpoint();
        var metadata = endpoint?.Metadata;
        return metadata is not null
            && metadata.GetMetadata<PageActionDescriptor>() is null // pages validate the token themselves
            && metadata.GetMetadata<HubMetadata>() is null
            && metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false };
    }
}
