namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>A text message; <see cref="Metadata"/> comes back on the message's echo (left out when null).</summary>
internal sealed record GraphMessageDto(string Text, string? Metadata = null);
