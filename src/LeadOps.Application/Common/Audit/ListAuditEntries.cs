using LeadOps.Application.Conversations;

namespace LeadOps.Application.Common.Audit;

/// <summary>The acting user's audit trail, newest first.</summary>
public sealed record ListAuditEntries(int Page = 1, int PageSize = 100) : IQuery<AuditPage>;

internal sealed class ListAuditEntriesHandler(IInboxReadModel readModel) : IQueryHandler<ListAuditEntries, AuditPage>
{
    public async ValueTask<AuditPage> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Clamp(query.Page, 1, int.MaxValue / size); // its first row, (page - 1) × size, fits an int
        var (items, total) = await readModel.ListAuditAsync(page, size, cancellationToken);
        return new AuditPage(
            [.. items.Select(r => new AuditEntryView(r.Entry.Id, r.Entry.At, r.Entry.ActorId, r.ActorName ?? r.Entry.ActorId, r.Entry.Action, r.Entry.SubjectType, r.Entry.SubjectId, r.Entry.Outcome, r.Entry.Detail, r.Entry.Via))],
            total, page, size);
    }
}
