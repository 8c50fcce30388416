namespace LeadOps.Application.Conversations;

public enum FetchOutcome
{
    Fetched,

    /// <summary>Larger than the limit: nothing was kept.</summary>
    TooLarge,

    /// <summary>Not a link LeadOps fetches (not Meta's, not https), or it failed or timed out.</summary>
    Failed,
}
