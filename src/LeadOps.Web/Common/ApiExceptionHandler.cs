using System.Diagnostics;
using LeadOps.Web.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace LeadOps.Web.Common;

/// <summary>
/// API requests get ProblemDetails: a ValidationException becomes 400 with the first problem in <c>error</c> and
/// every field's messages in <c>errors</c>; anything else is a 500 with a correlation id and no stack trace.
/// Pages fall through to the friendly /Error page.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at /Error: decide by the path that failed.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path);
        if (!AuthSchemes.IsApiPath(path) && !path.StartsWithSegments("/webhook"))
        {
            return false;
        }

        var problem = exception switch
        {
            ValidationException v => Validation(v),
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Extensions = { ["error"] = "The request could not be read: send valid JSON with the documented fields and types (unknown fields are refused)." } },
            _ => new ProblemDetails { Status = 500, Title = "Something went wrong", Detail = "The error was logged; quote the correlation id when you report it." },
        };
        problem.Extensions["correlation_id"] = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        await Results.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>API fields are snake_case on the wire: <c>PageAccessToken</c> → <c>page_access_token</c>.</summary>
    internal static string SnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    internal static ProblemDetails Validation(ValidationException exception) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid input",
        Detail = exception.FirstMessage,
        Extensions =
        {
            ["error"] = exception.FirstMessage,
            ["errors"] = exception.Errors.ToDictionary(e => SnakeCase(e.Key), e => e.Value),
        },
    };
}
