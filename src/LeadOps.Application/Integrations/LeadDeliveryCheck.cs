namespace LeadOps.Application.Integrations;

/// <summary>
/// The self-healing webhook (ADR 0010), hourly and on every test: reads the page's <c>subscribed_apps</c>; when a
/// <c>leadgen</c> subscription LeadOps had seen is gone, subscribes again where the token allows and says so either way
/// (a page never subscribed is left to staff, who subscribe it from the integration's page; until then its forms are
/// synced every minute); then asks Graph's <c>has_lead_access</c> whether this app may read the page's leads, and
/// explains the fix when the business gave Leads Access to other CRMs only. Records it all on the integration (the
/// caller saves).
/// </summary>
internal sealed class LeadDeliveryCheck(IFacebookPageGateway graph, TimeProvider clock)
{
    public const string LeadAccessFix =
        "The business restricted Leads Access to other CRMs, so Facebook gives this app no leads (webhook or retrieval). In Meta Business Suite open Business settings > Integrations > Leads Access, choose this page and assign LeadOps (this app), then test again.";

    /// <summary>
    /// Returns the fields the app is subscribed to after any repair. <paramref name="wasSubscribed"/>: whether the page
    /// was known to be subscribed before this check (null: as the integration last recorded it).
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(
        Integration integration, GraphCredentials credentials, IReadOnlyList<string>? subscribed, CancellationToken ct, bool? wasSubscribed = null)
    {
        var now = clock.GetUtcNow();
        var known = wasSubscribed ?? (integration.LeadgenSubscribed == true || integration.SubscriptionConfirmedAt is not null || integration.WebhookSubscribed == true);
        subscribed ??= await graph.GetSubscribedFieldsAsync(credentials, ct);
        string? note = null;
        if (!subscribed.Contains("leadgen") && !known)
        {
            note = "The page is not subscribed to leadgen webhooks: subscribe it on this page. Until then LeadOps syncs its forms every minute.";
        }
        else if (!subscribed.Contains("leadgen"))
        {
            try
            {
                await graph.SubscribeAsync(credentials, IntegrationChecker.WebhookFields, ct);
                subscribed = await graph.GetSubscribedFieldsAsync(credentials, ct);
                note = subscribed.Contains("leadgen")
                    ? $"The page's leadgen webhook subscription was missing: LeadOps subscribed it again on {now:yyyy-MM-dd HH:mm} UTC."
                    : "The page's leadgen webhook subscription is missing, and subscribing again did not take: check the app's webhook settings.";
            }
            catch (GraphApiException ex) when (ex.Failure.Kind is not (GraphFailureKind.Transient or GraphFailureKind.RateLimited))
            {
                note = $"The page's leadgen webhook subscription is missing and LeadOps could not subscribe it again ({GraphFailureText.Describe(ex.Failure)}). Reconnect the page with a token that has pages_manage_metadata; until then LeadOps syncs its forms every minute.";
            }
        }

        integration.RecordLeadgenSubscription(subscribed.Contains("leadgen"), now, note);
        integration.RecordSubscription(IntegrationChecker.WebhookFields.All(subscribed.Contains));
        await CheckLeadAccessAsync(integration, credentials, ct);
        integration.RecordPageChecked(now);
        return subscribed;
    }

    private async Task CheckLeadAccessAsync(Integration integration, GraphCredentials credentials, CancellationToken ct)
    {
        try
        {
            var access = await graph.GetLeadAccessAsync(credentials, ct);
            integration.RecordLeadAccess(access.CanAccessLeads, access.CanAccessLeads == false ? Explain(access) : null);
        }
        catch (GraphApiException ex) when (ex.Failure.Kind is GraphFailureKind.PermissionMissing or GraphFailureKind.InvalidRequest)
        {
            integration.RecordLeadAccess(null, $"Facebook did not say whether this app may read the page's leads ({GraphFailureText.Describe(ex.Failure)}).");
        }
    }

    private static string Explain(FacebookLeadAccess access) =>
        access.FailureReason is { Length: > 0 } reason ? $"{LeadAccessFix} Facebook says: {reason}" : LeadAccessFix;
}
