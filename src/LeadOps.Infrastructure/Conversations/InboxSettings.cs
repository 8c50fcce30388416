namespace LeadOps.Infrastructure.Conversations;

/// <summary>The current user's Inbox preferences and saved replies, owner-filtered like every owned row.</summary>
internal sealed class InboxSettings(LeadOpsDbContext db) : IInboxSettings
{
    public async Task<WaitingThresholds> GetThresholdsAsync(CancellationToken cancellationToken) =>
        (await db.InboxPreferences.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Thresholds ?? WaitingThresholds.Default;

    public async Task<InboxPreferences> GetOrAddPreferencesAsync(CancellationToken cancellationToken)
    {
        var preferences = await db.InboxPreferences.FirstOrDefaultAsync(cancellationToken);
        if (preferences is null)
        {
            preferences = new InboxPreferences { OwnerId = db.CurrentOwnerId ?? string.Empty };
            db.InboxPreferences.Add(preferences);
        }

        return preferences;
    }

    public async Task<IReadOnlyList<SavedReply>> ListSavedRepliesAsync(CancellationToken cancellationToken) =>
        await db.SavedReplies.AsNoTracking().OrderBy(r => r.Title).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public Task<SavedReply?> GetSavedReplyAsync(Guid id, CancellationToken cancellationToken) =>
        db.SavedReplies.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<int> CountSavedRepliesAsync(CancellationToken cancellationToken) => db.SavedReplies.CountAsync(cancellationToken);

    public void Add(SavedReply reply) => db.SavedReplies.Add(reply);

    public void Remove(SavedReply reply) => db.SavedReplies.Remove(reply);
}
