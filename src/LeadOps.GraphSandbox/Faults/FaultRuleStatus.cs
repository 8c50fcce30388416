namespace LeadOps.GraphSandbox;

/// <summary>A fault rule with how many calls matched it and how many times it fired.</summary>
public sealed record FaultRuleStatus(FaultRule Rule, int MatchingCalls, int Fired);
