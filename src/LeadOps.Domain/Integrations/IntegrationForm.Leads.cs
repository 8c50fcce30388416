using System.Text.Json;

namespace LeadOps.Domain.Integrations;

/// <summary>
/// What the lossless schedule (ADR 0010) keeps on a form: its questions with their labels, the consent its welcome
/// needs, the count probe (Meta's <c>leads_count</c> against what LeadOps holds), the daily reconciliation, and the
/// last test lead sent from LeadOps.
/// </summary>
public sealed partial class IntegrationForm
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The form's questions with their labels and options, as JSON (what a lead's answers are shown with).</summary>
    public string QuestionsJson { get; private set; } = "[]";

    /// <summary>The consent check box (its key) a lead must have ticked before it is welcomed; null: none required.</summary>
    public string? WelcomeConsentKey { get; private set; }

    /// <summary>
    /// Meta's count minus the leads LeadOps holds for the form, as last settled: a probe that finds the gap grown knows
    /// leads arrived that no webhook brought, and asks for a sync. Null until the first probe.
    /// </summary>
    public int? CountGap { get; private set; }

    /// <summary>When a probe asked for a sync that has not run yet.</summary>
    public DateTimeOffset? SyncRequestedAt { get; private set; }

    /// <summary>When Meta's count was last compared with LeadOps' (daily), and what each said.</summary>
    public DateTimeOffset? ReconciledAt { get; private set; }

    public int? ReconcileMetaCount { get; private set; }

    public int? ReconcileStoredCount { get; private set; }

    /// <summary>A gap asked for a walk of the whole form that has not finished yet.</summary>
    public DateTimeOffset? FullWalkRequestedAt { get; private set; }

    /// <summary>The last reconciliation found a gap (whether or not its walk has finished).</summary>
    public bool ReconcileFoundGap { get; private set; }

    /// <summary>The last test lead LeadOps created on the form through Graph, and when.</summary>
    public string? TestLeadId { get; private set; }

    public DateTimeOffset? TestLeadSentAt { get; private set; }

    public IReadOnlyList<LeadFormQuestion> Questions => JsonSerializer.Deserialize<List<LeadFormQuestion>>(QuestionsJson, Json) ?? [];

    /// <summary>Whether a sync asked for by the probe or the reconciliation is waiting (and since when).</summary>
    public DateTimeOffset? PendingRequestSince => new[] { PendingProbeRequest, FullWalkRequestedAt }.Where(t => t is not null).Min();

    private DateTimeOffset? PendingProbeRequest =>
        SyncRequestedAt is { } requested && (LastSyncedAt is null || LastSyncedAt < requested) ? requested : null;

    public void UseQuestions(IEnumerable<LeadFormQuestion> questions) =>
        QuestionsJson = JsonSerializer.Serialize(questions.Take(200).Select(q => q.Fit()).ToList(), Json);

    /// <summary>Staff require a consent check box (by key) before a lead of this form is welcomed, or none (null or empty).</summary>
    public void RequireConsentForWelcome(string? checkboxKey) =>
        WelcomeConsentKey = string.IsNullOrWhiteSpace(checkboxKey) ? null : TextLimit.Fit(checkboxKey.Trim(), Leads.Lead.ConsentKeyLength);

    /// <summary>
    /// The minute's probe: Meta counts <paramref name="metaCount"/> leads, LeadOps holds <paramref name="storedCount"/>.
    /// Every lead Meta counts is taken as one LeadOps can fetch until a sync shows otherwise: a gap above the settled one
    /// asks for a sync (true). When a sync ran after that request and found nothing new, what is left is settled (leads
    /// Meta counts but does not hand over: expired, deleted test leads) and not asked about again; when it found leads,
    /// a gap still open is newer and is asked for again.
    /// </summary>
    public bool ProbeCount(int metaCount, int storedCount, DateTimeOffset now)
    {
        var gap = metaCount - storedCount;
        var settled = CountGap ?? 0;
        if (gap <= settled)
        {
            CountGap = gap;
            SyncRequestedAt = null;
            return false;
        }

        CountGap = settled;
        if (SyncRequestedAt is { } requested && LastSyncedAt >= requested)
        {
            SyncRequestedAt = null;
            if (LastSyncNewLeads == 0)
            {
                CountGap = gap;
                return false;
            }
        }

        SyncRequestedAt ??= now;
        return true;
    }

    /// <summary>
    /// The daily reconciliation: when Meta counts more leads than LeadOps holds, the whole form is walked again; the
    /// counts are kept for the form's page either way.
    /// </summary>
    public void Reconcile(int metaCount, int storedCount, DateTimeOffset now)
    {
        ReconciledAt = now;
        ReconcileMetaCount = metaCount;
        ReconcileStoredCount = storedCount;
        ReconcileFoundGap = metaCount > storedCount;
        FullWalkRequestedAt = ReconcileFoundGap ? FullWalkRequestedAt ?? now : null;
    }

    /// <summary>Whether the daily reconciliation is due (a form is first reconciled by its first complete walk).</summary>
    public bool ReconciliationDueAt(DateTimeOffset now, TimeSpan interval) =>
        ReconciledAt is { } at && now - at >= interval && FullWalkRequestedAt is null;

    /// <summary>A test lead was created on the form through Graph.</summary>
    public void RecordTestLead(string leadId, DateTimeOffset at)
    {
        TestLeadId = TextLimit.Cut(leadId, FacebookId.MaxLength);
        TestLeadSentAt = at;
    }

    /// <summary>A walk of the whole form succeeded: it counts as the form's reconciliation, and a requested one is done.</summary>
    private void CompleteFullWalk(DateTimeOffset now)
    {
        FullWalkRequestedAt = null;
        ReconciledAt ??= now;
    }
}
