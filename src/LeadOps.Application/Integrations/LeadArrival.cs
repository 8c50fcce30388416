namespace LeadOps.Application.Integrations;

/// <summary>When a lead first reached LeadOps, and by which path (webhook or a retrieval).</summary>
public sealed record LeadArrival(string FacebookLeadId, DateTimeOffset FirstSeenAt, LeadSource Source);
