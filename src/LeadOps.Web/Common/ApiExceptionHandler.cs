using System.Diagnostics;
using LeadOps.Application.Common;
using LeadOps.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LeadOps.Web.Common;

/// <summary>
/// API requests get ProblemDetails: a ValidationException becomes 400 with the first problem in <c>error</c> and
/// every field's messages in <c>errors</c>; anything else is a 500 with a correlation id and no stack trace.
/// Pages fall through to the friendly /Error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!AuthSchemes.IsApiPath(httpContext.Request.Path) && !httpContext.Request.Path.StartsWithSegments("/webhook"))
        {
            return false;
        }

        var problem = exception switch
        {
            ValidationException v => Validation(v),
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Extensions = { ["error"] = "The request could not be read." } },
            _ => new ProblemDetails { Status = 500, Title = "Something went wrong", Detail = "The error was logged; quote the correlation id when you report it." },
        };
        problem.Extensions["correlation_id"] = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null });
    }

    internal static ProblemDetails Validation(ValidationException exception) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid input",
        Detail = exception.FirstMessage,
        Extensions =
        {
            ["error"] = exception.FirstMessage,
            ["errors"] = exception.Errors,
        },
    };
}
