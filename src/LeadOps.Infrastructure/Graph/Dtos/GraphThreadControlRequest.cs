namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>Body of <c>POST /{page-id}/pass_thread_control</c> (with <see cref="TargetAppId"/>) and <c>/take_thread_control</c>.</summary>
internal sealed record GraphThreadControlRequest(GraphRecipientDto Recipient, string? TargetAppId, string? Metadata);
