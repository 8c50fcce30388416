namespace LeadOps.Web.Api;

/// <summary>Maps expected outcomes to status codes with the brief's <c>{"error": …, "detail": …}</c> body.</summary>
internal static class ApiResults
{
    public static IResult From<T>(Result<T> result, Func<T, IResult> ok) => result.Status switch
    {
        ResultStatus.Ok => ok(result.Value!),
        ResultStatus.NotFound => Error(StatusCodes.Status404NotFound, result),
        ResultStatus.Invalid => Error(StatusCodes.Status400BadRequest, result),
        ResultStatus.Unprocessable => Error(StatusCodes.Status422UnprocessableEntity, result),
        ResultStatus.Conflict => Error(StatusCodes.Status409Conflict, result),
        _ => Error(StatusCodes.Status502BadGateway, result),
    };

    private static IResult Error<T>(int status, Result<T> result) =>
        Results.Json(
            result.Detail is null ? new Dictionary<string, string?> { ["error"] = result.Error } : new Dictionary<string, string?> { ["error"] = result.Error, ["detail"] = result.Detail },
            statusCode: status);
}
