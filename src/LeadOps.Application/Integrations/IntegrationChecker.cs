namespace LeadOps.Application.Integrations;

/// <summary>
/// Tests an integration against Graph and records what it found on the entity (the caller saves): token validity and
/// expiry, granted and missing permissions, the page's lead forms with their questions (a listing Graph refuses is
/// recorded as such and does not stop the rest), and what keeps leads
/// arriving (<see cref="LeadDeliveryCheck"/>: the leadgen subscription, repaired where the token allows, and lead
/// access). Uses debug_token when the app id/secret are configured, else GET /me plus a probe of the forms edge.
/// </summary>
internal sealed class IntegrationChecker(IFacebookPageGateway graph, LeadDeliveryCheck delivery, ITokenProtector protector, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> WebhookFields = ["leadgen", .. Conversations.MessengerWebhookFields.All];

    public async Task<IntegrationTestResult> CheckAsync(Integration integration, CancellationToken ct, bool tokenJustVerified = false)
    {
        var now = clock.GetUtcNow();
        var method = "probe";
        var wasSubscribed = integration.LeadgenSubscribed == true || integration.SubscriptionConfirmedAt is not null || integration.WebhookSubscribed == true;
        try
        {
            var credentials = protector.CredentialsFor(integration);
            var token = credentials.AccessToken;
            IReadOnlyList<string>? scopes = null;
            DateTimeOffset? expires = null;
            var info = await graph.DebugTokenAsync(token, ct);
            if (info is not null)
            {
                method = "debug_token";
                if (!info.IsValid)
                {
                    integration.RecordTokenInvalid("The page token is expired or was revoked: reconnect the page.");
                    integration.RecordCheckAttempt(method, now);
                    return Result(integration, method, valid: false, info.ExpiresAt, info.Scopes, [], integration.LastError, now);
                }

                scopes = info.Scopes;
                expires = info.ExpiresAt;
            }
            else if (!tokenJustVerified)
            {
                await graph.GetPageAsync(token, ct);
            }

            // A listing Graph refuses does not stop the check (the forms are listed again by the minute's probe, and the
            // webhook subscription that brings the page's leads must not wait for them); a refused token does.
            var formsFailure = await graph.ListFormsIntoAsync(integration, credentials, withQuestions: true, now, ct);
            if (formsFailure is { Kind: GraphFailureKind.TokenInvalid })
            {
                return Refused(integration, method, formsFailure, now);
            }

            var subscribed = await graph.GetSubscribedFieldsAsync(credentials, ct);
            integration.RecordCheck(method, scopes, expires, WebhookFields.All(subscribed.Contains), now);
            if (formsFailure is not null)
            {
                integration.RecordFormsNotListed(formsFailure);
            }

            subscribed = await delivery.CheckAsync(integration, credentials, subscribed, ct, wasSubscribed);
            return Result(integration, method, valid: true, expires, scopes, subscribed, formsFailure is null ? null : integration.LastError, now);
        }
        catch (GraphApiException ex)
        {
            return Refused(integration, method, ex.Failure, now);
        }
    }

    /// <summary>A refusal that ends the check: recorded on the integration, with how and when the check was made.</summary>
    private static IntegrationTestResult Refused(Integration integration, string method, GraphFailure failure, DateTimeOffset now)
    {
        integration.RecordFailure(failure);
        integration.RecordCheckAttempt(method, now);
        var valid = failure.Kind != GraphFailureKind.TokenInvalid;
        return Result(integration, method, valid, integration.TokenExpiresAt, null, [], GraphFailureText.Describe(failure), now);
    }

    /// <summary>
    /// GET /me with a pasted token: the page it belongs to, or why it is refused. A person's own user token passes GET /me
    /// (Graph answers the person), so <see cref="IsUserTokenAsync"/> tells it apart, and it is refused in words that say so.
    /// </summary>
    public async Task<(FacebookPageInfo? Page, string? Refusal)> IdentifyPageAsync(string token, CancellationToken ct)
    {
        FacebookPageInfo page;
        try
        {
            page = await graph.GetPageAsync(token, ct);
        }
        catch (GraphApiException ex)
        {
            return (null, GraphFailureText.DescribeNewToken(ex.Failure));
        }

        return await IsUserTokenAsync(page, token, ct)
            ? (null, $"That is a user access token (it belongs to {page.Name}), not a page access token: in Graph API Explorer choose the page under \"User or Page\" (or use the page's token from Meta Business Suite) and paste that.")
            : (page, null);
    }

    /// <summary>
    /// debug_token's type (PAGE or USER), where the app's id and secret allow it; else (no credentials, debug_token refused,
    /// or another type, such as a system user's) whether the forms edge on the id GET /me gave is refused as a field a User
    /// node does not have. Any other failure is left to the test that follows.
    /// </summary>
    private async Task<bool> IsUserTokenAsync(FacebookPageInfo page, string token, CancellationToken ct)
    {
        string? type = null;
        try
        {
            type = (await graph.DebugTokenAsync(token, ct))?.Type;
        }
        catch (GraphApiException)
        {
            // debug_token is about the app's own credentials as much as the token: the forms edge below still tells.
        }

        switch (type?.ToUpperInvariant())
        {
            case "PAGE":
                return false;
            case "USER":
                return true;
        }

        try
        {
            await graph.GetLeadFormsAsync(new GraphCredentials(page.Id, token), ct);
            return false;
        }
        catch (GraphApiException ex)
        {
            return ex.Failure.NamesAPerson;
        }
    }

    private static IntegrationTestResult Result(Integration integration, string method, bool valid, DateTimeOffset? expires, IReadOnlyList<string>? scopes, IReadOnlyList<string> subscribed, string? error, DateTimeOffset now) =>
        new(new(method, valid, expires, scopes, integration.MissingPermissionList, subscribed, integration.WebhookSubscribed, error), IntegrationView.From(integration, now));
}
