using LeadOps.Web.Api;
using LeadOps.Web.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace LeadOps.Web.Common;

/// <summary>
/// API requests (an API path, or an API key on any path: <see cref="AuthSchemes.AnswersAsApi"/>) get ProblemDetails
/// (<see cref="ApiResults"/>): a ValidationException becomes 400 with the first problem in <c>error</c> and every field's
/// messages in <c>errors</c>; a body that cannot be read is 400; anything else is a 500 with no stack trace (every problem
/// carries a correlation id). Pages fall through to the friendly /Error page.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public const string Unreadable = "The request could not be read: send valid JSON with the documented fields and types (unknown fields are refused).";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at /Error: decide by the path that failed.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path);
        if (!AuthSchemes.AnswersAsApi(httpContext.Request, path) && !path.StartsWithSegments("/webhook"))
        {
            return false;
        }

        var problem = exception switch
        {
            ValidationException v => ApiResults.Validation(v),
            BadHttpRequestException b => ApiResults.Problem(b.StatusCode, WhatWasWrong(b), title: b.StatusCode == 413 ? "Payload too large" : "Bad request"),
            _ => ApiResults.Problem(500, error: null, "The error was logged; quote the correlation id when you report it.", "Something went wrong"),
        };
        await Results.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// The body's problem in words: too large; a field whose value LeadOps refused (our own converters' messages, e.g. a
    /// date out of range); a field of the wrong type (named, never with .NET's type names); else the general message.
    /// </summary>
    private static string WhatWasWrong(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return "The request body is too large.";
        }

        if (exception.InnerException is not System.Text.Json.JsonException { Path: { Length: > 2 } path } json)
        {
            return Unreadable;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return json.Message.StartsWith("must be", StringComparison.Ordinal)
            ? $"{field} {json.Message}"
            : $"The request could not be read: {field} has the wrong type or format (unknown fields are refused).";
    }
}
