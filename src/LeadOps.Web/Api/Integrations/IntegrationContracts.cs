using LeadOps.Application.Integrations;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;

namespace LeadOps.Web.Api.Integrations;

/// <summary>What <c>/api/integrations</c> reads and answers (snake_case on the wire, enums as their snake_case names).</summary>
internal static class IntegrationContracts
{
    internal sealed record ConnectRequest(string? PageAccessToken, string? Name)
    {
        public override string ToString() => $"ConnectRequest {{ Name = {Name} }}";
    }

    internal sealed record IntegrationList(IReadOnlyList<IntegrationResponse> Integrations);

    internal sealed record IntegrationResponse(
        int Id,
        string Name,
        string PageId,
        string PageName,
        IntegrationStatus Status,
        string StatusText,
        string TokenLast4,
        DateTimeOffset? TokenExpiresAt,
        IReadOnlyList<string> MissingPermissions,
        bool? WebhookSubscribed,
        string? LastError,
        DateTimeOffset? LastCheckedAt,
        IReadOnlyList<FormResponse> Forms,
        bool? LeadgenSubscribed,
        DateTimeOffset? SubscriptionConfirmedAt,
        string? SubscriptionNote,
        bool? HasLeadAccess,
        string? LeadAccessNote,
        DateTimeOffset? SyncPausedUntil)
    {
        public static IntegrationResponse From(IntegrationView i) => new(
            i.Id, i.Name, i.PageId, i.PageName, i.Status, i.StatusText, i.TokenLast4, i.TokenExpiresAt, i.MissingPermissions,
            i.WebhookSubscribed, i.LastError, i.LastCheckedAt, [.. i.Forms.Select(FormResponse.From)], i.LeadgenSubscribed,
            i.SubscriptionConfirmedAt, i.SubscriptionNote, i.HasLeadAccess, i.LeadAccessNote, i.SyncPausedUntil);
    }

    /// <summary>A form: its count, its schedule switch, its welcome consent, its last reconciliation and its last test lead (and how it arrived).</summary>
    internal sealed record FormResponse(
        string Id, string Name, string Status, int? LeadsCount, bool SyncEnabled, DateTimeOffset? LastSyncedAt, string? WelcomeConsentKey,
        string? Reconciliation, string? TestLeadId, DateTimeOffset? TestLeadSentAt, DateTimeOffset? TestLeadArrivedAt, LeadSource? TestLeadArrivedBy)
    {
        public static FormResponse From(IntegrationFormView f) => new(
            f.FormId, f.Name, f.Status, f.LeadsCount, f.SyncEnabled, f.LastSyncedAt, f.WelcomeConsentKey, f.ReconcileText, f.TestLeadId,
            f.TestLeadSentAt, f.TestLeadArrival?.FirstSeenAt, f.TestLeadArrival?.Source);
    }

    internal sealed record TestResponse(
        string Method,
        bool TokenValid,
        DateTimeOffset? TokenExpiresAt,
        IReadOnlyList<string>? GrantedScopes,
        IReadOnlyList<string> MissingPermissions,
        IReadOnlyList<string> SubscribedFields,
        bool? WebhookSubscribed,
        string? Error,
        IntegrationResponse Integration)
    {
        public static TestResponse From(IntegrationTestResult result)
        {
            var t = result.Findings;
            return new(t.Method, t.TokenValid, t.ExpiresAt, t.GrantedScopes, t.MissingPermissions, t.SubscribedFields, t.WebhookSubscribed, t.Error,
                IntegrationResponse.From(result.Integration));
        }
    }
}
