namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphMessageDto(string Text);
