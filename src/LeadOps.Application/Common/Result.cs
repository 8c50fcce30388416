namespace LeadOps.Application.Common;

/// <summary>A value or an expected failure (ardalis-style): exceptions stay for bugs and outages.</summary>
public sealed record Result<T>(ResultStatus Status, T? Value, string? Error = null, string? Detail = null)
{
    public bool IsSuccess => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value);

    public static Result<T> NotFound(string error) => new(ResultStatus.NotFound, default, error);

    public static Result<T> Invalid(string error, string? detail = null) => new(ResultStatus.Invalid, default, error, detail);

    public static Result<T> Unprocessable(string error, string? detail = null) => new(ResultStatus.Unprocessable, default, error, detail);

    public static Result<T> Failed(string error, string? detail = null) => new(ResultStatus.Failed, default, error, detail);

    public static Result<T> Conflict(string error, string? detail = null) => new(ResultStatus.Conflict, default, error, detail);
}
