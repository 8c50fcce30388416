using System.Text.Json.Serialization;
using FluentValidation.Results;

namespace LeadOps.Web.Api.Brief;

/// <summary>
/// The brief's error bodies, exactly as its clients read them: <c>{"error": …}</c> (with <c>detail</c> when there is one)
/// for the lead endpoints, FastAPI's <c>{"detail": "…"}</c> for 401/403/404 and its 422 <c>detail[]</c> (plus the house
/// <c>error</c> and <c>errors</c>) for the messaging endpoints. Status codes come from <see cref="ApiResults.StatusCodeOf"/>.
/// </summary>
internal static class BriefResults
{
    /// <summary>The value through <paramref name="ok"/>, or <c>{"error": …}</c> (see <see cref="Error{T}"/>).</summary>
    public static Results<TOk, JsonHttpResult<ErrorBody>> ToBrief<T, TOk>(this Result<T> result, Func<T, TOk> ok)
        where TOk : IResult =>
        result.IsSuccess ? ok(result.Value!) : Error(result);

    /// <summary>
    /// The brief's error body: exactly <c>{"error": …}</c> for a refusal (4xx), as the brief shows it; a Graph failure (5xx)
    /// adds what Meta said in <c>detail</c>.
    /// </summary>
    public static JsonHttpResult<ErrorBody> Error<T>(Result<T> result)
    {
        var status = ApiResults.StatusCodeOf(result.Status);
        return TypedResults.Json(new ErrorBody(result.Error ?? result.Status.ToString(), status >= 500 ? result.Detail : null), statusCode: status);
    }

    public static JsonHttpResult<DetailBody> Detail(string detail, int status) => TypedResults.Json(new DetailBody(detail), statusCode: status);

    /// <summary>422 in FastAPI's shape (<c>detail[].loc/msg/type</c>), the first problem in <c>error</c>, every field's in <c>errors</c>.</summary>
    public static JsonHttpResult<UnprocessableBody> Unprocessable(IReadOnlyList<FieldProblem> problems) => TypedResults.Json(
        new UnprocessableBody(
            [.. problems.Select(p => new ProblemItem(p.Field is null ? [p.Location] : [p.Location, p.Field], p.Message, p.Type))],
            problems[0].Message,
            problems.Where(p => p.Field is not null).GroupBy(p => p.Field!).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())),
        statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>A validator's failures as problems, field by field in the order the rules name them.</summary>
    public static IEnumerable<FieldProblem> Problems(IEnumerable<ValidationFailure> failures, string location, Func<ValidationFailure, string> type) =>
        failures.GroupBy(f => f.PropertyName).SelectMany(g => g.Select(f => new FieldProblem(WireJson.Name(f.PropertyName), f.ErrorMessage, type(f), location)));

    internal sealed record ErrorBody(string Error, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail);

    internal sealed record DetailBody(string Detail);

    /// <summary>One problem with a request: <paramref name="Field"/> null means the body as a whole.</summary>
    internal sealed record FieldProblem(string? Field, string Message, string Type, string Location = "body");

    internal sealed record UnprocessableBody(IReadOnlyList<ProblemItem> Detail, string Error, IReadOnlyDictionary<string, string[]> Errors);

    internal sealed record ProblemItem(IReadOnlyList<string> Loc, string Msg, string Type);
}
