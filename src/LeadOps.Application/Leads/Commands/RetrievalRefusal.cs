using System.Diagnostics.CodeAnalysis;

namespace LeadOps.Application.Leads.Commands;

/// <summary>The brief's answers when a retrieval cannot start or fails, the two refusals made before any Graph call, and the refusal of a form under way.</summary>
public static class RetrievalRefusal
{
    public const string IntegrationNotFound = "Lead form integration not found";
    public const string TokenNotFound = "Facebook access token not found";
    public const string FetchFailed = "Failed to fetch leads from Facebook";

    /// <summary>
    /// Refuses an unknown integration (not found) and one that may not retrieve (<see cref="Integration.MayRetrieve"/>:
    /// no usable token). False when the retrieval may go ahead.
    /// </summary>
    public static bool Refuses<T>([NotNullWhen(false)] Integration? integration, [NotNullWhen(true)] out Result<T>? refusal)
    {
        refusal = integration is null ? Result<T>.NotFound(IntegrationNotFound)
            : !integration.MayRetrieve ? Result<T>.Invalid(TokenNotFound, "Reconnect the page with a valid page access token.")
            : null;
        return refusal is not null;
    }

    /// <summary>What a start, a preview or the brief's endpoint answers for a form with a run still under way.</summary>
    public const string AlreadyUnderWay = "A retrieval of this form is already under way";

    /// <summary>
    /// A run of the form is still under way (<see cref="IRetrievalRunRepository.StartAsync"/>): one run per form at a time,
    /// so that the runs' shared queue stays bounded and two runs never read the same form at once.
    /// </summary>
    public static Result<T> UnderWay<T>(long runId) =>
        Result<T>.Conflict(AlreadyUnderWay, $"run {runId} has not finished yet; its page shows its progress. Start another once it has finished.");
}
