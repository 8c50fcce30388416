namespace LeadOps.Application.Common.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
