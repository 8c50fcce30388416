namespace LeadOps.GraphSandbox;

/// <summary>A Graph error as the sandbox answers it, with the HTTP status Graph uses for it.</summary>
internal sealed record GraphError(int HttpStatus, int Code, string Message, int? Subcode = null, bool? IsTransient = null)
{
    /// <summary>Overrides the usage headers with a throttled use case.</summary>
    public ThrottleInfo? Throttle { get; init; }

    public ErrorEnvelope ToEnvelope(string fbTraceId) =>
        new(new ErrorEnvelope.Body(Message, "OAuthException", Code, Subcode, IsTransient, fbTraceId));
}
