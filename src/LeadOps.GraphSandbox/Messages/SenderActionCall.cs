namespace LeadOps.GraphSandbox;

/// <summary>A <c>sender_action</c> the Send API accepted (<c>mark_seen</c>, <c>typing_on</c>, <c>typing_off</c>).</summary>
public sealed record SenderActionCall(string PageId, string Psid, string Action, DateTimeOffset Time);
