using System.Diagnostics;
using System.Globalization;
using LeadOps.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LeadOps.Web.Pages;

/// <summary>
/// The friendly error page for people, and ProblemDetails for API callers that reach it (unknown routes, refused methods,
/// errors, an empty 4xx an endpoint answered), told apart by the failed request's path or its API key
/// (<see cref="AuthSchemes.AnswersAsApi"/>).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string CorrelationId { get; private set; } = string.Empty;

    public IActionResult OnGet(int? code) => Render(code);

    public IActionResult OnPost(int? code) => Render(code);

    /// <summary>A failed request of another method (PUT, DELETE, …) is shown here with no handler of its own: answered alike.</summary>
    [NonHandler] // by its name, Razor Pages would take it for the handler of a method "PAGE"
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && ShowsAFailure(HttpContext))
        {
            context.Result = Render(int.TryParse(RouteData.Values["code"]?.ToString(), CultureInfo.InvariantCulture, out var code) ? code : null);
        }
    }

    /// <summary>Whether this request is the error page shown in place of a failed request's answer (status code or exception).</summary>
    internal static bool ShowsAFailure(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;

    private IActionResult Render(int? code)
    {
        // Only error statuses: /Error/-1 or /Error/200 is a page that does not exist.
        Code = code is >= 400 and <= 599 ? code.Value : code is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null ? 500 : 404;
        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Response.StatusCode = Code;
        if (originalPath is not null && AuthSchemes.AnswersAsApi(Request, originalPath))
        {
            return Problem(statusCode: Code, title: Code == 404 ? "Not found" : "Request failed", extensions: new Dictionary<string, object?>
            {
                ["error"] = ApiError(Code),
                ["correlation_id"] = CorrelationId,
            });
        }

        return Page();
    }

    /// <summary>What API clients read in <c>error</c>, as in every other problem LeadOps answers.</summary>
    private static string ApiError(int code) => code switch
    {
        404 => "Not found",
        405 => "This method is not allowed here.",
        415 => "Send the body as JSON (Content-Type: application/json).",
        _ => "The request failed; quote the correlation id when you report it.",
    };

    private ObjectResult Problem(int statusCode, string title, IDictionary<string, object?> extensions)
    {
        var problem = new ProblemDetails { Status = statusCode, Title = title };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return new ObjectResult(problem) { StatusCode = statusCode, ContentTypes = { "application/problem+json" } };
    }
}
