namespace LeadOps.Application.Integrations;

public sealed record IntegrationFormView(string FormId, string Name, string Status, int? LeadsCount, bool SyncEnabled, DateTimeOffset? Watermark, DateTimeOffset? LastSyncedAt)
{
    public IReadOnlyList<LeadFormQuestion> Questions { get; init; } = [];

    public string? WelcomeConsentKey { get; init; }

    /// <summary>
    /// The status as the pages show it: Meta's, or for a form listed without one (synced as active, ADR 0010) what LeadOps
    /// assumes. The API gives <see cref="Status"/> as stored: an empty string there.
    /// </summary>
    public string StatusText => IntegrationForm.StatusText(Status);

    /// <summary>Active as far as Graph says, or listed without a status (<see cref="IntegrationForm.IsActive"/>).</summary>
    public bool IsActive => IntegrationForm.IsActiveStatus(Status);

    /// <summary>The last reconciliation: when, what Meta counted, what LeadOps held, and whether it is walking the form again.</summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    public int? ReconcileMetaCount { get; init; }

    public int? ReconcileStoredCount { get; init; }

    public bool ReconcileFoundGap { get; init; }

    public bool Walking { get; init; }

    public string? TestLeadId { get; init; }

    public DateTimeOffset? TestLeadSentAt { get; init; }

    /// <summary>When and how the last test lead reached LeadOps; null while it has not (set by <see cref="Queries.GetIntegration"/>).</summary>
    public LeadArrival? TestLeadArrival { get; init; }

    /// <summary>"Meta counts 412, LeadOps holds 409: walking the form again", or null before the first reconciliation.</summary>
    public string? ReconcileText => ReconcileMetaCount is not { } meta || ReconcileStoredCount is not { } held
        ? null
        : !ReconcileFoundGap ? $"Meta counts {meta}, LeadOps holds {held}."
        : Walking ? $"Meta counts {meta}, LeadOps holds {held}: walking the form again."
        : $"Meta counted {meta}, LeadOps held {held}: the form was walked again.";

    public static IntegrationFormView From(IntegrationForm f) => new(f.FormId, f.Name, f.Status, f.LeadsCount, f.SyncEnabled, f.Watermark, f.LastSyncedAt)
    {
        Questions = f.Questions,
        WelcomeConsentKey = f.WelcomeConsentKey,
        ReconciledAt = f.ReconciledAt,
        ReconcileMetaCount = f.ReconcileMetaCount,
        ReconcileStoredCount = f.ReconcileStoredCount,
        ReconcileFoundGap = f.ReconcileFoundGap,
        Walking = f.FullWalkRequestedAt is not null,
        TestLeadId = f.TestLeadId,
        TestLeadSentAt = f.TestLeadSentAt,
    };
}
