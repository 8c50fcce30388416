namespace LeadOps.Application.Outgoing.Queries;

/// <summary>One page of the user's set-aside events, the last set aside first, and how many there are in all.</summary>
public sealed record SetAsideEventPage(IReadOnlyList<SetAsideEventView> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
