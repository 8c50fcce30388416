using System.Security.Claims;
using LeadOps.Web.Api;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LeadOps.Web.Security;

/// <summary>
/// What only a person signed in to LeadOps (the browser's cookie session) may do, never a bearer key: create or revoke
/// API keys and register outgoing webhook endpoints. A key that could make another key, or a webhook that sends the
/// user's leads elsewhere, would let a leaked key outlive its revocation. A key's attempt is a 403 ProblemDetails and
/// changes nothing, over the API (<see cref="RequirePerson{TBuilder}"/>) and on the pages that do it
/// (<see cref="PersonOnlyHandlersAttribute"/>). ADR 0018 says why.
/// </summary>
internal static class PersonOnly
{
    public const string Refused =
        "API keys cannot create or revoke API keys or register webhook endpoints: sign in to LeadOps and do it on the Account or Webhooks page.";

    /// <summary>Whether the request is a person's browser session (Identity's cookie), not a bearer key.</summary>
    public static bool IsPerson(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme;

    public static ProblemDetails Problem() => ApiResults.Problem(StatusCodes.Status403Forbidden, Refused, Refused, "Forbidden");

    /// <summary>The endpoint answers a bearer key 403 before its handler runs.</summary>
    public static TBuilder RequirePerson<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            IsPerson(context.HttpContext.User) ? await next(context) : TypedResults.Problem(Problem()));

    /// <summary>The page handlers named (e.g. <c>CreateKey</c> for <c>OnPostCreateKeyAsync</c>) answer a bearer key 403 before they run.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class PersonOnlyHandlersAttribute(params string[] handlers) : Attribute, IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HandlerMethod?.Name is { } name && handlers.Contains(name, StringComparer.OrdinalIgnoreCase) && !IsPerson(context.HttpContext.User))
            {
                await Results.Problem(Problem()).ExecuteAsync(context.HttpContext);
                context.Result = new EmptyResult();
                return;
            }

            await next();
        }
    }
}
