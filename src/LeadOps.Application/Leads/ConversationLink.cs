namespace LeadOps.Application.Leads;

/// <summary>A conversation of the same person as a lead, for the lead's page: who, which state, and why it is shown.</summary>
public sealed record ConversationLink(Guid Id, string CustomerLabel, ConversationState State, DateTimeOffset LastMessageAt, string Match);
