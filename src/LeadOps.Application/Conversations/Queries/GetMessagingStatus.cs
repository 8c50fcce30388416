namespace LeadOps.Application.Conversations.Queries;

/// <summary>The Messenger side of one of the acting user's integrations (policy, profiles, escalation payload).</summary>
public sealed record GetMessagingStatus(int IntegrationId) : IQuery<Result<MessagingStatus>>;

internal sealed class GetMessagingStatusHandler(IIntegrationRepository integrations) : IQueryHandler<GetMessagingStatus, Result<MessagingStatus>>
{
    public async ValueTask<Result<MessagingStatus>> Handle(GetMessagingStatus query, CancellationToken cancellationToken) =>
        await integrations.GetWithoutFormsAsync(query.IntegrationId, cancellationToken) is { } integration
            ? Result<MessagingStatus>.Ok(MessagingStatus.From(integration))
            : Result<MessagingStatus>.NotFound(IntegrationAccess.IntegrationNotFound);
}
