namespace LeadOps.Application.Conversations;

/// <summary>
/// Reads a customer's name and picture from the User Profile API at most once a day per conversation, and keeps a
/// copy of the picture. When Meta refuses (the app lacks the feature), the "Customer …1234" label stays, the
/// integration says why, and profiles of that page are not asked for again for a day; when Meta has no profile for one
/// customer (an account made with a phone number), only that customer keeps the label; a token Graph refuses (190) marks
/// the integration as needing a reconnect, as any Graph call's does. Never fails the event.
/// </summary>
internal sealed partial class CustomerProfileReader(
    ICustomerProfiles profiles,
    ITokenProtector protector,
    AttachmentCopier copier,
    TimeProvider clock,
    ILogger<CustomerProfileReader> logger)
{
    public async Task RefreshAsync(Integration integration, Conversation conversation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!conversation.ProfileDueAt(now) || !integration.MayReadProfilesAt(now) || !integration.HasUsableToken || conversation.Psid.Length == 0)
        {
            return;
        }

        try
        {
            var credentials = protector.CredentialsFor(integration);
            if (await profiles.GetAsync(credentials, conversation.Psid, ct) is not { } profile)
            {
                // This customer has no profile to give; the page's other customers' profiles are still asked for.
                conversation.ProfileUnavailable(now);
                return;
            }

            var picture = profile.PictureUrl is { } url ? await copier.CopyAsync(url, ct) : null;
            conversation.UseProfile(profile.FirstName, profile.LastName, picture?.Id, now);
            integration.RecordProfileAccessGranted();
        }
        catch (GraphApiException ex) when (ex.Failure.Kind is GraphFailureKind.PermissionMissing or GraphFailureKind.InvalidRequest or GraphFailureKind.Blocked or GraphFailureKind.Unknown)
        {
            integration.RecordProfileAccessRefused(
                $"Meta did not give customers' names ({ex.Failure.Message}): the app needs the Business Asset User Profile Access feature, so customers show as \"Customer …1234\".",
                now);
            conversation.ProfileUnavailable(now);
            LogRefused(logger, integration.Id, ex.Failure.Code);
        }
        catch (GraphApiException ex) when (ex.Failure.Kind == GraphFailureKind.TokenInvalid)
        {
            // A refused token (190) is the integration's, as on any other call: it needs reconnecting, and the page's
            // next events are held until it is (ADR 0012).
            integration.RecordFailure(ex.Failure);
            LogFailed(logger, integration.Id, ex.Failure.Kind);
        }
        catch (GraphApiException ex)
        {
            // Rate limits, outages: the next event asks again.
            LogFailed(logger, integration.Id, ex.Failure.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta refused customer profiles for integration {IntegrationId} (code {Code})")]
    private static partial void LogRefused(ILogger logger, int integrationId, int? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading a customer profile for integration {IntegrationId} failed: {Kind}")]
    private static partial void LogFailed(ILogger logger, int integrationId, GraphFailureKind kind);
}
