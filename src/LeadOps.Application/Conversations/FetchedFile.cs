namespace LeadOps.Application.Conversations;

/// <summary>What fetching one of Meta's links gave: the bytes and their type, or why not (<see cref="Problem"/>, plain words).</summary>
public sealed record FetchedFile(FetchOutcome Outcome, byte[]? Bytes = null, string? ContentType = null, string? FileName = null, string? Problem = null)
{
    public override string ToString() => $"FetchedFile {{ Outcome = {Outcome}, Length = {Bytes?.Length}, ContentType = {ContentType} }}";
}
