namespace LeadOps.Application.Conversations.Queries;

/// <summary>The acting user's Inbox settings: waiting thresholds and saved replies.</summary>
public sealed record GetInboxSettings : IQuery<InboxSettingsView>;

internal sealed class GetInboxSettingsHandler(IInboxSettings settings) : IQueryHandler<GetInboxSettings, InboxSettingsView>
{
    public async ValueTask<InboxSettingsView> Handle(GetInboxSettings query, CancellationToken cancellationToken)
    {
        var thresholds = await settings.GetThresholdsAsync(cancellationToken);
        var replies = await settings.ListSavedRepliesAsync(cancellationToken);
        return new InboxSettingsView((int)thresholds.Amber.TotalMinutes, (int)thresholds.Red.TotalMinutes, replies);
    }
}
