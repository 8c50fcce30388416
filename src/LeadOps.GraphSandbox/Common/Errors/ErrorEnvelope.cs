namespace LeadOps.GraphSandbox;

/// <summary>The body of a Graph error answer: <c>{"error":{"message":…,"type":…,"code":…,"fbtrace_id":…}}</c>.</summary>
internal sealed record ErrorEnvelope(ErrorEnvelope.Body Error)
{
    internal sealed record Body(string Message, string Type, int Code, int? ErrorSubcode, bool? IsTransient, string? ErrorUserTitle, string? ErrorUserMsg, string FbtraceId);
}
