namespace LeadOps.Domain.Integrations;

/// <summary>
/// A lead form on an integration's page, with its scheduled-sync choice and retrieval watermark. What the schedule,
/// the reconciliation and the test lead record on it is in IntegrationForm.Leads.cs.
/// </summary>
public sealed partial class IntegrationForm : IOwnedByUser
{
    public const int NameLength = 300;
    public const int StatusLength = 20;
    public const string Active = "ACTIVE";

    /// <summary>
    /// A form Graph listed without a status: it leaves out a field it has no value for. Not known to be archived, deleted
    /// or a draft, it may still get leads, so it is synced as an active one is (ADR 0010).
    /// </summary>
    public const string NoStatus = "";

    /// <summary>What the pages show for <see cref="NoStatus"/>: what LeadOps assumes, and that Meta did not say so.</summary>
    public const string AssumedStatusText = "active, not stated by Meta";

    /// <summary>A form the page deleted: its leads can no longer be read, so nothing retrieves it.</summary>
    public const string Deleted = "DELETED";

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; set; }

    public string FormId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Status { get; private set; } = string.Empty;

    public int? LeadsCount { get; private set; }

    /// <summary>Synced on the schedule; every form is, until staff switch it off (ADR 0010).</summary>
    public bool SyncEnabled { get; private set; } = true;

    /// <summary>Leads created before this instant are fully handled; it only moves past leads that were stored.</summary>
    public DateTimeOffset? Watermark { get; private set; }

    public DateTimeOffset? LastSyncedAt { get; private set; }

    /// <summary>How many new leads the last sync stored (what tells the count probe whether a gap is one Graph hands over).</summary>
    public int LastSyncNewLeads { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    /// <summary>
    /// Whether people may still submit it as far as Graph says (archived, deleted and draft forms get no new leads): ACTIVE,
    /// or no status listed (<see cref="NoStatus"/>).
    /// </summary>
    public bool IsActive => IsActiveStatus(Status);

    /// <summary>Whether a form with this status may still get leads (<see cref="IsActive"/>).</summary>
    public static bool IsActiveStatus(string status) => status is Active or NoStatus;

    /// <summary>A status as the pages show it: Meta's, or for <see cref="NoStatus"/> what LeadOps assumes (<see cref="AssumedStatusText"/>).</summary>
    public static string StatusText(string status) => status == NoStatus ? AssumedStatusText : status;

    /// <summary>Staff switch the form's scheduled sync off, or back on.</summary>
    public void ScheduleSync(bool enabled) => SyncEnabled = enabled;

    /// <summary>
    /// A retrieval walked the form to its end at <paramref name="now"/> and everything created before
    /// <paramref name="handledUpTo"/> is handled. The watermark only moves forward, and only when the walk started at or
    /// before it (a later window says nothing about the leads before it).
    /// </summary>
    public void RecordSync(DateTimeOffset? since, DateTimeOffset handledUpTo, DateTimeOffset now, int newLeads = 0)
    {
        LastSyncNewLeads = newLeads;
        if (since is null || Watermark is null || since <= Watermark)
        {
            Watermark = Watermark is { } w && w > handledUpTo ? w : handledUpTo;
        }

        if (since is null)
        {
            CompleteFullWalk(now);
        }

        LastSyncedAt = now;
    }

    /// <summary>
    /// A walk ended before the end of the form (Graph kept repeating a cursor, or kept giving pages of leads already read
    /// under new cursors): the sync ran, the watermark stays.
    /// </summary>
    public void RecordIncompleteSync(DateTimeOffset now, int newLeads)
    {
        LastSyncedAt = now;
        LastSyncNewLeads = newLeads;
    }

    internal void Refresh(LeadFormListing listing, DateTimeOffset now)
    {
        Name = TextLimit.Fit(listing.Name, NameLength)!;
        Status = TextLimit.Fit(listing.Status, StatusLength)!;
        LeadsCount = listing.LeadsCount;
        RefreshedAt = now;
        if (listing.Questions is { } questions)
        {
            UseQuestions(questions);
        }
    }
}
