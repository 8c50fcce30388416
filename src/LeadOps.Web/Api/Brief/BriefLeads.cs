using LeadOps.Application.Leads.Commands;
using static LeadOps.Web.Api.Brief.BriefContracts;
using static LeadOps.Web.Api.Brief.BriefResults;

namespace LeadOps.Web.Api.Brief;

/// <summary>The brief's two lead endpoints: the lead forms a retrieval can ask for, and the retrieval itself.</summary>
internal static class BriefLeads
{
    /// <summary><c>GET /api/facebook-lead-forms[?integration_id=]</c>: 404 when that integration is not the caller's.</summary>
    public static async Task<Results<Ok<FormList>, JsonHttpResult<ErrorBody>>> ListFormsAsync(
        [FromQuery(Name = "integration_id")] int? integrationId, ISender sender, CancellationToken ct) =>
        (await ListLeadFormsAsync(sender, integrationId, ct)).ToBrief(forms => TypedResults.Ok(new FormList(forms)));

    /// <summary>
    /// <c>POST /api/facebook-lead-retrieval</c>: 200 with the counts, 502 with what was stored before Graph failed. It
    /// answers synchronously, so a run of the same form under way (most often the schedule reading a form just connected)
    /// is waited for, up to <c>Retrieval:WaitForRunUnderWay</c>, and only then answered 409 in the brief's error shape.
    /// </summary>
    public static async Task<Results<Ok<RetrievalResponse>, JsonHttpResult<RetrievalFailure>, JsonHttpResult<ErrorBody>>> RetrieveAsync(
        RetrievalRequest request, ISender sender, IConfiguration configuration, CancellationToken ct)
    {
        var command = new RetrieveFacebookLeads(request.IntegrationId ?? 0, request.FormId ?? string.Empty, request.Since, request.Until, SendWelcome: request.SendWelcome ?? true);
        var wait = configuration.GetValue("Retrieval:WaitForRunUnderWay", TimeSpan.FromMinutes(1));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await sender.Send(command, ct);
        // Each try lists the page's forms from Graph again, so the tries back off (1, 2, 4, 8, then every 15 s).
        for (var delay = TimeSpan.FromSeconds(1); result.Status == ResultStatus.Conflict && System.Diagnostics.Stopwatch.GetElapsedTime(started) < wait;
             delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 15)))
        {
            await Task.Delay(delay, ct);
            result = await sender.Send(command, ct);
        }

        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(new RetrievalResponse(true, result.Value!.Message, RetrievalData.From(result.Value))),
            ResultStatus.Failed when result.Value is { } partial => TypedResults.Json(
                new RetrievalFailure(result.Error, result.Detail, RetrievalData.From(partial)), statusCode: StatusCodes.Status502BadGateway),
            _ => Error(result),
        };
    }

    /// <summary>The forms of the caller's integrations, or of the one asked for (not found when it is not theirs).</summary>
    private static async Task<Result<IReadOnlyList<FormItem>>> ListLeadFormsAsync(ISender sender, int? integrationId, CancellationToken ct)
    {
        var forms = await sender.Send(new ListLeadForms(integrationId), ct);
        return forms.IsSuccess
            ? Result<IReadOnlyList<FormItem>>.Ok([.. forms.Value!.Select(f => new FormItem(f.FormId, f.Name, f.Status, f.IntegrationId, f.PageId))])
            : Result<IReadOnlyList<FormItem>>.NotFound(forms.Error!);
    }
}
