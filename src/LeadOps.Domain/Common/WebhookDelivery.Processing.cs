namespace LeadOps.Domain.Common;

/// <summary>How a stored delivery moves on: handled, tried again later, given up on after a bounded number of attempts, or queued again by staff.</summary>
public sealed partial class WebhookDelivery
{
    /// <summary>The column size of <see cref="UnknownPageIds"/> (a report for the log; the pages named are <see cref="Pages"/>).</summary>
    public const int PageIdsLength = 1000;

    /// <summary>Every page the delivery names, one row each: whose staff see it when it fails, and may retry it.</summary>
    public List<WebhookDeliveryPage> Pages { get; set; } = [];

    /// <summary>Whose events of which page failed on the last attempt, and why: none when it did not fail, or failed as a whole.</summary>
    public List<WebhookDeliveryFailure> Failures { get; set; } = [];

    /// <summary>Remembers which pages the delivery names, as the worker read it (what it knows already is kept).</summary>
    public void RecordPages(IEnumerable<string> pageIds)
    {
        foreach (var pageId in pageIds.Select(p => TextLimit.Cut(p, FacebookId.MaxLength)).Distinct(StringComparer.Ordinal))
        {
            if (pageId.Length > 0 && Pages.All(p => p.PageId != pageId))
            {
                Pages.Add(new WebhookDeliveryPage { DeliveryId = Id, PageId = pageId });
            }
        }
    }

    /// <summary>Every change was routed: Processed, or Unroutable when no integration knows any of its pages.</summary>
    public void MarkHandled(DateTimeOffset at, IReadOnlyCollection<string> unknownPages, bool anyHandled)
    {
        UnknownPageIds = Join(unknownPages);
        Status = !anyHandled && unknownPages.Count > 0 ? WebhookDeliveryStatus.Unroutable : WebhookDeliveryStatus.Processed;
        ProcessedAt = at;
        LastError = null;
        Failures.Clear();
    }

    /// <summary>
    /// An attempt failed with <paramref name="error"/>: tried again at <paramref name="next"/>, or Failed once it has been
    /// attempted <paramref name="maxAttempts"/> times. True when it is Failed. <paramref name="pageErrors"/> says whose
    /// events of which page failed, and why; none when the attempt failed as a whole.
    /// </summary>
    public bool RetryOrFail(string error, DateTimeOffset next, int maxAttempts, IReadOnlyDictionary<(string PageId, string OwnerId), string>? pageErrors = null)
    {
        LastError = TextLimit.Cut(error);
        // An error of a page the delivery's entries do not name (a change naming another page) cannot be shown to its staff:
        // the attempt is then taken as failed as a whole, shown to every page's staff.
        var known = pageErrors is not null && pageErrors.Keys.All(k => Pages.Any(p => p.PageId == k.PageId)) ? pageErrors : null;
        RecordFailures(known);

        if (Attempts >= maxAttempts)
        {
            Status = WebhookDeliveryStatus.Failed;
            return true;
        }

        NextAttemptAt = next;
        return false;
    }

    /// <summary>Staff asked to process a Failed delivery again: a fresh round of attempts, due now.</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != WebhookDeliveryStatus.Failed)
        {
            throw new InvalidOperationException("Only a failed delivery can be processed again.");
        }

        Status = WebhookDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    /// <summary>The last attempt's failures, each kept row updated in place (its key is the page and the owner).</summary>
    private void RecordFailures(IReadOnlyDictionary<(string PageId, string OwnerId), string>? failures)
    {
        Failures.RemoveAll(f => failures?.ContainsKey((f.PageId, f.OwnerId)) != true);
        foreach (var ((pageId, ownerId), error) in failures ?? new Dictionary<(string PageId, string OwnerId), string>())
        {
            var failure = Failures.Find(f => f.PageId == pageId && f.OwnerId == ownerId);
            if (failure is null)
            {
                Failures.Add(failure = new WebhookDeliveryFailure { DeliveryId = Id, PageId = pageId, OwnerId = ownerId });
            }

            failure.Error = TextLimit.Cut(error);
        }
    }

    private static string? Join(IEnumerable<string> pageIds)
    {
        var joined = string.Join(',', pageIds.Distinct(StringComparer.Ordinal));
        return joined.Length == 0 ? null : TextLimit.Fit(joined, PageIdsLength);
    }
}
