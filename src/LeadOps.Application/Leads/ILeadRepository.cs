namespace LeadOps.Application.Leads;

/// <summary>The current user's leads (owner filtering is applied by the data layer).</summary>
public interface ILeadRepository
{
    /// <summary>Which of these Facebook lead ids are already stored, with their lead id and name (one query).</summary>
    Task<IReadOnlyDictionary<string, ExistingLead>> GetExistingFacebookLeadIdsAsync(IReadOnlyCollection<string> facebookLeadIds, CancellationToken cancellationToken);

    /// <summary>These leads, tracked by the caller's unit of work (to fill in answers Graph first left out).</summary>
    Task<IReadOnlyList<Lead>> GetTrackedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the leads in one transaction (each with its welcome outbox row, which <see cref="LeadCreated"/> adds). A lead that another run stored first
    /// (the unique index on owner and Facebook lead id) is skipped, not an error: the ids actually inserted are returned.
    /// </summary>
    Task<IReadOnlySet<string>> InsertNewAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken);

    /// <summary>How many leads the user holds per form, for these forms (one grouped query).</summary>
    Task<IReadOnlyDictionary<string, int>> CountByFormAsync(IReadOnlyCollection<string> formIds, CancellationToken cancellationToken);

    /// <summary>The recorded failure of this lead, tracked; null when it never failed.</summary>
    Task<LeadFailure?> FindFailureAsync(string facebookLeadId, CancellationToken cancellationToken);

    void AddFailure(LeadFailure failure);
}
