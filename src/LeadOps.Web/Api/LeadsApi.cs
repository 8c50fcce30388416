using System.Text.Json.Serialization;
using LeadOps.Application.Integrations.Queries;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Queries;
using LeadOps.Domain.Leads;

namespace LeadOps.Web.Api;

/// <summary>The brief's two endpoints (exact shapes), bulk retrieval, sync history and the leads themselves.</summary>
internal static class LeadsApi
{
    public static void MapLeadsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/facebook-lead-forms", async (int? integration_id, IMediator mediator, CancellationToken ct) =>
        {
            var integrations = await mediator.Send(new ListIntegrations(), ct);
            if (integration_id is { } id && integrations.All(i => i.Id != id))
            {
                return Results.NotFound(new { error = RetrievalRefusal.IntegrationNotFound });
            }

            var forms = integrations.Where(i => integration_id is null || i.Id == integration_id)
                .SelectMany(i => i.Forms.Select(f => new { id = f.FormId, name = f.Name, status = f.Status, integration_id = i.Id, page_id = i.PageId }));
            return Results.Ok(new { forms });
        });

        var retrieval = endpoints.MapGroup("/api/facebook-lead-retrieval");
        retrieval.MapPost("/", async (RetrievalRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RetrieveFacebookLeads(request.IntegrationId ?? 0, request.FormId ?? string.Empty, request.Since, request.Until), ct);
            return result.Status switch
            {
                ResultStatus.Ok => Results.Ok(new { success = true, message = result.Value!.Message, data = Data(result.Value) }),
                ResultStatus.Failed when result.Value is { } partial => Results.Json(new { error = result.Error, detail = result.Detail, data = Data(partial) }, statusCode: StatusCodes.Status502BadGateway),
                _ => ApiResults.From(result, _ => Results.Ok()),
            };
        });

        retrieval.MapPost("/bulk", async (BulkRequest request, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new RetrieveFacebookLeadsBulk(request.IntegrationId ?? 0, request.FormIds), ct), bulk => Results.Ok(new
            {
                success = bulk.FailedForms == 0,
                message = $"Retrieved {bulk.NewLeads} new leads and found {bulk.ExistingLeads} existing leads across {bulk.Forms.Count} forms" + (bulk.FailedForms > 0 ? $"; {bulk.FailedForms} forms failed" : string.Empty),
                data = new
                {
                    total_processed = bulk.TotalProcessed,
                    new_leads = bulk.NewLeads,
                    existing_leads = bulk.ExistingLeads,
                    failed_leads = bulk.FailedLeads,
                    forms = bulk.Forms.Select(f => new
                    {
                        form_id = f.FormId,
                        form_name = f.FormName,
                        success = f.Success,
                        error = f.Error,
                        detail = f.Detail,
                        total_processed = f.Summary?.TotalProcessed ?? 0,
                        new_leads = f.Summary?.NewLeads ?? 0,
                        existing_leads = f.Summary?.ExistingLeads ?? 0,
                        failed_leads = f.Summary?.FailedLeads ?? 0,
                    }),
                },
            })));

        retrieval.MapGet("/runs", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(new { runs = (await mediator.Send(new ListRetrievalRuns(), ct)).Select(Run) }));

        retrieval.MapGet("/runs/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new GetRetrievalRun(id), ct), run => Results.Ok(Run(run))));

        retrieval.MapGet("/webhook-health", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(new
            {
                integrations = (await mediator.Send(new GetWebhookHealth(), ct)).Select(h => new
                {
                    integration_id = h.IntegrationId,
                    name = h.IntegrationName,
                    last_webhook_at = h.LastWebhookAt,
                    leads_7_days = h.Leads7Days,
                    found_by_retrieval_7_days = h.FoundByRetrieval7Days,
                    miss_rate_7_days = h.MissRate7Days,
                    leads_30_days = h.Leads30Days,
                    found_by_retrieval_30_days = h.FoundByRetrieval30Days,
                    miss_rate_30_days = h.MissRate30Days,
                    warnings = h.Warnings,
                }),
            }));

        var leads = endpoints.MapGroup("/api/leads");
        leads.MapGet("/", async (HttpRequest http, IMediator mediator, CancellationToken ct) =>
        {
            if (LeadFilterBinder.TryBind(http.Query, out var filter, out var error) is false)
            {
                return Results.BadRequest(new { error });
            }

            var size = int.TryParse(http.Query["page_size"], out var s) ? s : 50;
            var page = await mediator.Send(new ListLeads(filter, http.Query["cursor"], size), ct);
            return Results.Ok(new { leads = page.Items.Select(ListItem), next_cursor = page.NextCursor });
        });

        leads.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
            ApiResults.From(await mediator.Send(new GetLead(id), ct), l => Results.Ok(new
            {
                id = l.Id,
                facebook_lead_id = l.FacebookLeadId,
                integration_id = l.IntegrationId,
                page_id = l.PageId,
                form_id = l.FormId,
                form_name = l.FormName,
                name = l.FullName,
                first_name = l.FirstName,
                last_name = l.LastName,
                email = l.Email,
                phone = l.Phone,
                ad_id = l.AdId,
                ad_name = l.AdName,
                adset_id = l.AdsetId,
                adset_name = l.AdsetName,
                campaign_id = l.CampaignId,
                campaign_name = l.CampaignName,
                is_organic = l.IsOrganic,
                platform = l.Platform,
                created_time = l.CreatedTime,
                first_seen_at = l.FirstSeenAt,
                source = LeadFilterBinder.SourceName(l.Source),
                welcome_status = l.WelcomeStatus.ToString().ToLowerInvariant(),
                answers = l.Answers.Select(a => new { name = a.Name, values = a.Values }),
            })));
    }

    private static object Data(RetrievalSummary s)
    {
        var items = s.ProcessedLeads.Select(p => p.Status == ProcessedLeadStatus.Failed
            ? (object)new { facebook_lead_id = p.FacebookLeadId, status = "failed", lead_id = p.LeadId, name = p.Name, error = p.Error }
            : new { facebook_lead_id = p.FacebookLeadId, status = p.Status == ProcessedLeadStatus.Created ? "created" : "existing", lead_id = p.LeadId, name = p.Name });
        return s.FailedLeads > 0
            ? new { total_processed = s.TotalProcessed, new_leads = s.NewLeads, existing_leads = s.ExistingLeads, failed_leads = s.FailedLeads, processed_leads = items }
            : new { total_processed = s.TotalProcessed, new_leads = s.NewLeads, existing_leads = s.ExistingLeads, processed_leads = items };
    }

    private static object Run(RetrievalRunView r) => new
    {
        id = r.Id,
        integration_id = r.IntegrationId,
        form_id = r.FormId,
        form_name = r.FormName,
        trigger = r.Trigger.ToString().ToLowerInvariant(),
        since = r.Since,
        until = r.Until,
        started_at = r.StartedAt,
        finished_at = r.FinishedAt,
        duration_ms = r.FinishedAt is { } f ? (f - r.StartedAt).TotalMilliseconds : (double?)null,
        total_processed = r.Retrieved,
        new_leads = r.Created,
        existing_leads = r.Existing,
        failed_leads = r.Failed,
        outcome = r.Outcome.ToString(),
        error = r.Error,
        processed_leads = r.Items?.Select(p => new { facebook_lead_id = p.FacebookLeadId, status = p.Status.ToString().ToLowerInvariant(), lead_id = p.LeadId, name = p.Name, error = p.Error }),
    };

    private static object ListItem(LeadListItem l) => new
    {
        id = l.Id,
        facebook_lead_id = l.FacebookLeadId,
        name = l.Name,
        email = l.Email,
        phone = l.Phone,
        form_id = l.FormId,
        form_name = l.FormName,
        source = LeadFilterBinder.SourceName(l.Source),
        welcome_status = l.WelcomeStatus.ToString().ToLowerInvariant(),
        created_time = l.CreatedTime,
        first_seen_at = l.FirstSeenAt,
    };

    internal sealed record RetrievalRequest(
        [property: JsonPropertyName("form_id")] string? FormId,
        [property: JsonPropertyName("integration_id"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? IntegrationId,
        [property: JsonPropertyName("since")] DateTimeOffset? Since,
        [property: JsonPropertyName("until")] DateTimeOffset? Until);

    internal sealed record BulkRequest(
        [property: JsonPropertyName("integration_id"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? IntegrationId,
        [property: JsonPropertyName("form_ids")] IReadOnlyList<string>? FormIds);
}
