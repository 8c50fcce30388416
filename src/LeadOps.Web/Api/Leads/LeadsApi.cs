using static LeadOps.Web.Api.Leads.LeadContracts;

namespace LeadOps.Web.Api.Leads;

/// <summary><c>/api/leads</c>: the stored leads, newest first with keyset paging and filters, and one lead with every answer.</summary>
internal static class LeadsApi
{
    /// <summary>A bad filter, page size or cursor is a 400 that says which.</summary>
    public static async Task<Results<Ok<LeadList>, ProblemHttpResult>> ListAsync(HttpRequest request, ISender sender, CancellationToken ct)
    {
        if (!LeadFilterBinder.TryBind(request.Query, out var filter, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        if (!QueryPaging.TryRead(request.Query, "page_size", ListLeads.DefaultPageSize, ListLeads.MaxPageSize, out var size, out error))
        {
            return ApiResults.BadRequest(error!);
        }

        var cursor = request.Query["cursor"].ToString();
        if (cursor.Length > 0 && !LeadCursor.TryParse(cursor, out _))
        {
            return ApiResults.BadRequest("cursor is not one this list gave: pass next_cursor from the previous page, or none for the first.");
        }

        return TypedResults.Ok(LeadList.From(await sender.Send(new ListLeads(filter, cursor.Length > 0 ? cursor : null, size), ct)));
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
