namespace LeadOps.Domain.Leads;

/// <summary>
/// A lead LeadOps heard of but could not store (its Graph read was refused, or it could not be read): kept with the
/// reason so that staff see it on the sync history, once per Facebook lead id, however often it fails again.
/// </summary>
public sealed class LeadFailure : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; private set; }

    public string FormId { get; private set; } = string.Empty;

    public string FacebookLeadId { get; private set; } = string.Empty;

    public LeadSource Source { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public DateTimeOffset FirstFailedAt { get; private set; }

    public DateTimeOffset LastFailedAt { get; private set; }

    public int Attempts { get; private set; }

    public static LeadFailure Record(int integrationId, string formId, string facebookLeadId, LeadSource source, string reason, DateTimeOffset at) =>
        new()
        {
            IntegrationId = integrationId,
            FormId = TextLimit.Cut(formId, FacebookId.MaxLength),
            FacebookLeadId = TextLimit.Cut(facebookLeadId, FacebookId.MaxLength),
            Source = source,
            Reason = TextLimit.Cut(reason),
            FirstFailedAt = at,
            LastFailedAt = at,
            Attempts = 1,
        };

    /// <summary>It failed once more, perhaps for another reason.</summary>
    public void Again(string reason, DateTimeOffset at)
    {
        Reason = TextLimit.Cut(reason);
        LastFailedAt = at;
        Attempts++;
    }
}
