namespace LeadOps.Domain.Leads;

/// <summary>One retrieval of one form: the sync history staff see. It starts, counts each Graph page, and finishes.</summary>
public sealed class RetrievalRun : Entity, IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; private set; }

    public string FormId { get; private set; } = string.Empty;

    public string? FormName { get; private set; }

    public RetrievalTrigger Trigger { get; private set; }

    public DateTimeOffset? Since { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Retrieved { get; private set; }

    public int Created { get; private set; }

    public int Existing { get; private set; }

    public int Failed { get; private set; }

    public RetrievalOutcome Outcome { get; private set; } = RetrievalOutcome.Running;

    public string? Error { get; private set; }

    /// <summary>
    /// What staff should know although the run did not fail (e.g. Graph repeated a paging cursor, and Graph refused a lead
    /// field): every distinct warning, in the order they came (<see cref="Warn"/>).
    /// </summary>
    public string? Warning { get; private set; }

    /// <summary>The last time the process running it said it is still at work; a quiet run is taken as interrupted.</summary>
    public DateTimeOffset HeartbeatAt { get; private set; }

    /// <summary>The processed leads (status per Facebook lead id) as JSON, capped for very large runs.</summary>
    public string ItemsJson { get; private set; } = "[]";

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>How long a running run may go without a heartbeat before it is taken as interrupted.</summary>
    public static readonly TimeSpan QuietLimit = TimeSpan.FromMinutes(3);

    /// <summary>What an interrupted run says (runs are marked in bulk, as the heartbeat rule finds them).</summary>
    public const string InterruptedError = "Interrupted: the process running it stopped. The next sync retrieves the form again.";

    public static RetrievalRun Start(int integrationId, string formId, DateTimeOffset at) =>
        new() { IntegrationId = integrationId, FormId = formId, StartedAt = at, HeartbeatAt = at };

    /// <summary>
    /// What the schedule records when it finds the form with <paramref name="underWay"/> still under way: it read nothing,
    /// moved no watermark, and says why on the sync history.
    /// </summary>
    public static RetrievalRun Skip(RetrievalRun underWay, string? formName, DateTimeOffset at)
    {
        var skipped = new RetrievalRun
        {
            IntegrationId = underWay.IntegrationId, FormId = underWay.FormId, StartedAt = at, FinishedAt = at, HeartbeatAt = at, Outcome = RetrievalOutcome.Skipped,
            Warning = $"Skipped: run {underWay.Id} of this form was still under way. The next sync retrieves the form once it has finished.",
        };
        skipped.Describe(formName, RetrievalTrigger.Scheduled, null, null);
        return skipped;
    }

    /// <summary>The process running it is still at work.</summary>
    public void Beat(DateTimeOffset at) => HeartbeatAt = at > HeartbeatAt ? at : HeartbeatAt;

    /// <summary>
    /// A warning for the run's page. Every distinct one is kept, in the order they came, as one text (each a sentence,
    /// one after the other) cut to the column's limit: a later warning never hides behind an earlier one.
    /// </summary>
    public void Warn(string warning)
    {
        var said = warning.Trim();
        if (said.Length == 0 || (Warning is { } known && $" {known} ".Contains($" {said} ", StringComparison.Ordinal)))
        {
            return;
        }

        Warning = TextLimit.Fit(Warning is null ? said : $"{Warning} {said}", TextLimit.Reason);
    }

    /// <summary>What the run retrieves: the form (by its current name), why, and the created-time window if any.</summary>
    public void Describe(string? formName, RetrievalTrigger trigger, DateTimeOffset? since, DateTimeOffset? until)
    {
        if (Id == 0 && trigger == RetrievalTrigger.Manual && FormName is null)
        {
            // A run staff asked for, described once before it is first stored: the audit trail's "retrieve".
            Raise(new RetrievalRequested(this));
        }

        FormName = TextLimit.Fit(formName, Integrations.IntegrationForm.NameLength);
        Trigger = trigger;
        Since = since;
        Until = until;
    }

    /// <summary>One Graph page handled: leads read, stored for the first time, found already stored, and failed.</summary>
    public void CountPage(int retrieved, int created, int existing, int failed)
    {
        Retrieved += retrieved;
        Created += created;
        Existing += existing;
        Failed += failed;
    }

    /// <summary>
    /// The run ended: failed when Graph stopped it (<paramref name="error"/>), else succeeded, with failures when some
    /// leads could not be stored. <paramref name="itemsJson"/> holds the processed leads kept for the results page.
    /// </summary>
    public void Finish(DateTimeOffset at, string? error, string itemsJson)
    {
        FinishedAt = at;
        HeartbeatAt = at;
        Error = error is null ? null : TextLimit.Cut(error);
        Outcome = error is not null ? RetrievalOutcome.Failed : Failed > 0 ? RetrievalOutcome.CompletedWithFailures : RetrievalOutcome.Succeeded;
        ItemsJson = itemsJson;
    }
}
