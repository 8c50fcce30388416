namespace LeadOps.Application.Common;

/// <summary>Expected outcomes that are not success. Pages and endpoints map them to status codes.</summary>
public enum ResultStatus
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Unprocessable,
    Failed,
}
