namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphRecipientDto(string Id);
