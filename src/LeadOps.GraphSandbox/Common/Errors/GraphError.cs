namespace LeadOps.GraphSandbox;

/// <summary>A Graph error as the sandbox answers it, with the HTTP status Graph uses for it.</summary>
internal sealed record GraphError(int HttpStatus, int Code, string Message, int? Subcode = null, bool? IsTransient = null)
{
    /// <summary>Overrides the usage headers with a throttled use case.</summary>
    public ThrottleInfo? Throttle { get; init; }

    /// <summary>Meta's <c>error_user_title</c> and <c>error_user_msg</c> (the Conversions API explains refusals there).</summary>
    public string? UserTitle { get; init; }

    public string? UserMessage { get; init; }

    public ErrorEnvelope ToEnvelope(string fbTraceId) =>
        new(new ErrorEnvelope.Body(Message, "OAuthException", Code, Subcode, IsTransient, UserTitle, UserMessage, fbTraceId));
}
