using static LeadOps.Web.Api.Leads.LeadContracts;

namespace LeadOps.Web.Api.Leads;

/// <summary><c>/api/leads</c>: the stored leads, newest first with keyset paging and filters, and one lead with every answer.</summary>
internal static class LeadsApi
{
    public const int DefaultPageSize = 50;

    /// <summary>A bad filter is a 400 that says which; a bad page size is the default.</summary>
    public static async Task<Results<Ok<LeadList>, ProblemHttpResult>> ListAsync(HttpRequest request, ISender sender, CancellationToken ct)
    {
        if (!LeadFilterBinder.TryBind(request.Query, out var filter, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        var size = int.TryParse(request.Query["page_size"], out var s) ? s : DefaultPageSize;
        return TypedResults.Ok(LeadList.From(await sender.Send(new ListLeads(filter, request.Query["cursor"], size), ct)));
    }

    /// <summary>
    /// The filtered list (the same filters as the list) as a CSV download, streamed to the response as rows are read.
    /// A bad filter is a 400 before anything is written.
    /// </summary>
    public static Results<PushStreamHttpResult, ProblemHttpResult> Export(HttpRequest request, ISender sender, TimeProvider clock, CancellationToken ct)
    {
        if (!LeadFilterBinder.TryBind(request.Query, out var filter, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"leads-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
        return TypedResults.Stream(async output => await sender.Send(new ExportLeads(filter, output), ct), "text/csv; charset=utf-8", name);
    }

    public static async Task<Results<Ok<LeadResponse>, ProblemHttpResult>> GetAsync(long id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetLead(id), ct)).ToHttp(lead => TypedResults.Ok(LeadResponse.From(lead)));
}
