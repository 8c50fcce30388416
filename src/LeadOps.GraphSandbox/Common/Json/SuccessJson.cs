namespace LeadOps.GraphSandbox;

/// <summary>Graph's answer to a write that has nothing else to say: <c>{"success":true}</c>.</summary>
internal sealed record SuccessJson(bool Success);
