namespace LeadOps.Application.Conversations;

/// <summary>
/// The acting user's Messenger events held while a page's token was known not to work (ADR 0012, "Held events"): what
/// the Inbox's banner counts, and their release once the page is reconnected.
/// </summary>
public interface IHeldMessengerEvents
{
    /// <summary>The user's pages that have held events, with how many.</summary>
    Task<IReadOnlyList<HeldPage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records the integration's held events, oldest first, as if they arrived now (conversations, unread counts, live
    /// pushes, alerts as usual), and forgets each once recorded; answers how many were released. One whose release
    /// fails stops this release (the later ones wait behind it) and is counted; after
    /// <see cref="HeldMessengerEvent.MaxReleaseAttempts"/> failures it is set aside and the worker releases the rest.
    /// </summary>
    Task<int> ReleaseAsync(Integration integration, HeldRelease release, CancellationToken cancellationToken);
}
