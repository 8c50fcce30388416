namespace LeadOps.Application.Leads.Queries;

/// <summary>The other leads and the conversations of the person a lead is (ADR 0022).</summary>
public sealed record SamePerson(IReadOnlyList<LeadCard> Leads, IReadOnlyList<ConversationLink> Conversations);
