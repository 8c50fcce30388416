using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphRecipientDto(string Id);
