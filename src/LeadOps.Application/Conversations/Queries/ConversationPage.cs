namespace LeadOps.Application.Conversations.Queries;

public sealed record ConversationPage(IReadOnlyList<ConversationView> Items, int Total, int Page, int PageSize, IReadOnlyList<PageOption> Pages)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
