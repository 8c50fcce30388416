namespace LeadOps.Infrastructure.Conversations;

/// <summary>The bytes of a <see cref="StoredFile"/> when they live in the database (ADR 0011); owned like the file itself.</summary>
public sealed class StoredFileBytes : IOwnedByUser
{
    public Guid Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public byte[] Bytes { get; set; } = [];
}
