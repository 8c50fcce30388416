using System.Diagnostics;

namespace LeadOps.Web.Api;

/// <summary>
/// The one place a use case's answer becomes HTTP (ardalis' <c>ResultExtensions</c> style). The status code of each
/// expected outcome is decided here for every API; the house API (<c>/api/…</c>) answers failures as RFC 9457
/// ProblemDetails with the message in <c>error</c> (and why in <c>detail</c>), a ValidationException's fields in
/// <c>errors</c> and a <c>correlation_id</c>. The brief's endpoints keep their own bodies (<see cref="Brief.BriefResults"/>).
/// </summary>
internal static class ApiResults
{
    private static readonly string TraceIdPolicyName = WireJson.Name("traceId");

    public static int StatusCodeOf(ResultStatus status) => status switch
    {
        ResultStatus.Ok => StatusCodes.Status200OK,
        ResultStatus.NotFound => StatusCodes.Status404NotFound,
        ResultStatus.Invalid => StatusCodes.Status400BadRequest,
        ResultStatus.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ResultStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status502BadGateway,
    };

    /// <summary>The value through <paramref name="ok"/>, or the failure as ProblemDetails.</summary>
    public static Results<TOk, ProblemHttpResult> ToHttp<T, TOk>(this Result<T> result, Func<T, TOk> ok)
        where TOk : IResult =>
        result.IsSuccess ? ok(result.Value!) : Problem(result);

    public static ProblemHttpResult Problem<T>(Result<T> result) =>
        TypedResults.Problem(Problem(StatusCodeOf(result.Status), result.Error ?? result.Status.ToString(), result.Detail));

    /// <summary>A request the API refuses before any use case runs (a bad filter, say).</summary>
    public static ProblemHttpResult BadRequest(string error) => TypedResults.Problem(Problem(StatusCodes.Status400BadRequest, error));

    /// <summary>A command's validator refused the input: 400, the first problem in <c>error</c>, every field's in <c>errors</c>.</summary>
    public static ProblemDetails Validation(ValidationException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, exception.FirstMessage, exception.FirstMessage, "Invalid input");
        problem.Extensions["errors"] = exception.Errors.ToDictionary(e => WireJson.Name(e.Key), e => e.Value);
        return problem;
    }

    /// <summary>The house API's error body; the writer adds <c>type</c>, a default <c>title</c> and <c>traceId</c>.</summary>
    public static ProblemDetails Problem(int status, string? error, string? detail = null, string? title = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (error is not null)
        {
            problem.Extensions["error"] = error;
        }

        return problem;
    }

    /// <summary>
    /// Run on every problem+json answer as it is written: a <c>correlation_id</c> (as the logs name the request) after the
    /// problem's own fields, then the W3C trace id under the name it has always had, <c>traceId</c> (ASP.NET Core would
    /// put it through the snake_case naming policy).
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var extensions = problem.Extensions.Where(e => e.Key != TraceIdPolicyName).ToDictionary(StringComparer.Ordinal);
        extensions.TryAdd("correlation_id", CorrelationId(context.HttpContext));
        if (problem.Extensions.TryGetValue(TraceIdPolicyName, out var traceId))
        {
            extensions["traceId"] = traceId;
        }

        problem.Extensions = extensions;
    }

    /// <summary>Which request a problem belongs to, as the logs name it.</summary>
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
