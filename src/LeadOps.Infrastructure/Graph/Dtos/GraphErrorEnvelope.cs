namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>Graph's error body: <c>{"error":{"message","type","code","error_subcode","fbtrace_id","is_transient"}}</c>.</summary>
internal sealed record GraphErrorEnvelope
{
    public GraphErrorDto? Error { get; init; }
}
