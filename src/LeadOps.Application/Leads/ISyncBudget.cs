namespace LeadOps.Application.Leads;

/// <summary>How much of the page's leadgen budget Graph said was used on its latest answer, and when access comes back if it ran out.</summary>
public sealed record LeadgenBudget(double? UsedPercent, TimeSpan? RegainAccessIn);

/// <summary>Graph's usage headers as the schedule reads them (the latest answer for the page on this node).</summary>
public interface ISyncBudget
{
    LeadgenBudget Of(string pageId);
}
