namespace LeadOps.GraphSandbox;

/// <summary>A call to <c>pass_thread_control</c> or <c>take_thread_control</c>, and whether it was granted.</summary>
public sealed record ThreadControlCall(string PageId, string Psid, string Action, string? TargetAppId, string? Metadata, bool Granted, DateTimeOffset Time);
