namespace LeadOps.Application.Conversations;

/// <summary>The current user's own Inbox settings and saved replies (owner filtering is applied by the data layer).</summary>
public interface IInboxSettings
{
    /// <summary>The user's thresholds, or the defaults when they never set any (untracked).</summary>
    Task<WaitingThresholds> GetThresholdsAsync(CancellationToken cancellationToken);

    /// <summary>Tracked; a new row (added) when the user has none yet.</summary>
    Task<InboxPreferences> GetOrAddPreferencesAsync(CancellationToken cancellationToken);

    /// <summary>Untracked, by title.</summary>
    Task<IReadOnlyList<SavedReply>> ListSavedRepliesAsync(CancellationToken cancellationToken);

    /// <summary>Tracked; null when unknown or someone else's.</summary>
    Task<SavedReply?> GetSavedReplyAsync(Guid id, CancellationToken cancellationToken);

    Task<int> CountSavedRepliesAsync(CancellationToken cancellationToken);

    void Add(SavedReply reply);

    void Remove(SavedReply reply);
}
