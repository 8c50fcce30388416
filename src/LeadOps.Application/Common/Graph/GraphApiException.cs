namespace LeadOps.Application.Common.Graph;

/// <summary>Thrown by Graph adapters when Graph answers with an error (after any retries).</summary>
public sealed class GraphApiException : Exception
{
    public GraphApiException(GraphFailure failure)
        : base($"Graph call failed: {failure.Kind} (code {failure.Code}, subcode {failure.Subcode}): {failure.Message}") =>
        Failure = failure;

    public GraphApiException(GraphFailure failure, Exception inner)
        : base($"Graph call failed: {failure.Kind} (code {failure.Code}, subcode {failure.Subcode}): {failure.Message}", inner) =>
        Failure = failure;

    public GraphFailure Failure { get; }
}
