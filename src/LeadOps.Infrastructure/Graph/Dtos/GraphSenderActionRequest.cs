namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>Body of <c>POST /{page-id}/messages</c> for a sender action (<c>typing_on</c>, <c>mark_seen</c>…).</summary>
internal sealed record GraphSenderActionRequest(GraphRecipientDto Recipient, string SenderAction);
