using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Common;
using WebhookDeliveryStatus = LeadOps.Domain.Common.WebhookDeliveryStatus;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence;
using LeadOps.IntegrationTests.Graph.Support;
using LeadOps.IntegrationTests.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The Graph errors Meta documents for a lead read (graph-api/guides/error-handling, graph-api/overview/rate-limiting,
/// marketing-api/guides/lead-ads/retrieving), met while working off the leadgen webhook as Meta's "Webhooks for Leads"
/// page prints it: a token or permission error is shown on the integration and the lead on the sync history, and the
/// delivery is not retried for ever.
/// </summary>
public sealed class DocumentedLeadReadErrorsTests(DatabaseKind database) : AppFixture(database)
{
    internal static readonly string Page = SandboxSeed.NotSubscribedPageId;
    internal static readonly string Form = SandboxSeed.NotSubscribedFormId;

    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [TestCase(FaultKind.TokenExpired, null, "needs_reconnect", TestName = "Error_190_on_the_lead_read_asks_for_a_reconnect_and_keeps_the_lead_on_the_history")]
    [TestCase(FaultKind.PermissionMissing, "leads_retrieval", "missing_permission", TestName = "Error_200_without_leads_retrieval_names_the_permission_and_keeps_the_lead_on_the_history")]
    public async Task A_lead_read_refused_for_good_is_shown_where_staff_look_and_not_retried(FaultKind kind, string? permission, string status)
    {
        var (api, browser, integrationId, leadId) = await ConnectedWithLeadAsync();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = Page, Kind = kind, Permission = permission, Times = 1 });

        await PostDocumentedSampleAsync(leadId);
        await App.DrainAsync();

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        var history = await browser.GetStringAsync("/Leads/Runs");
        var delivery = await DeliveryAsync();
        var stored = await StoredAsync(api, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo(status));
            Assert.That(history, Does.Contain(leadId), "the lead that could not be read is on the sync history");
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Processed), "handled, not retried for ever");
            Assert.That(stored, Is.Empty, "nothing half-stored");
        });
    }

    /// <summary>
    /// A lead made with Meta's Lead Ads testing tool and deleted before LeadOps read it: Graph answers 100/33 ("does not
    /// exist"). The lead is on the sync history with the reason; the integration is as healthy as it was.
    /// </summary>
    [Test]
    public async Task A_test_lead_deleted_before_it_is_read_goes_on_the_history_and_leaves_the_integration_as_it_was()
    {
        var (api, browser, integrationId, _) = await ConnectedWithLeadAsync();
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        App.Webhooks.Hold = true; // the testing tool's own leadgen webhook arrives after the lead is gone
        using var graph = new SandboxClient(App.Sandbox.BaseAddress);
        var created = await graph.SendAsync(HttpMethod.Post, $"{Form}/test_leads", SandboxSeed.NotSubscribedPageToken, null);
        var leadId = created.Json.GetProperty("id").GetString()!;
        var deleted = await graph.SendAsync(HttpMethod.Delete, leadId, SandboxSeed.NotSubscribedPageToken, null);
        Assert.That(deleted.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), "the test lead is deleted");

        await App.Webhooks.ReleaseAsync();
        await PostDocumentedSampleAsync(leadId);
        await App.DrainAsync();

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        var history = await browser.GetStringAsync("/Leads/Runs");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo(before.GetProperty("status").GetString()));
            Assert.That(integration.GetProperty("last_error").ToString(), Is.EqualTo(before.GetProperty("last_error").ToString()), "no error put on a healthy integration");
            Assert.That(history, Does.Contain(leadId), "the lead that could not be read is on the sync history");
            Assert.That(history, Does.Contain("the lead does not exist"), "with the reason");
            Assert.That((await DeliveryAsync()).Status, Is.EqualTo(WebhookDeliveryStatus.Processed), "handled, not retried for ever");
            Assert.That(await StoredAsync(api, leadId), Is.Empty);
        });
    }

    /// <summary>
    /// 80005 ("too many leadgen api calls to this Page") on the webhook's lead read: the delivery waits out Graph's
    /// estimated_time_to_regain_access, then the lead is read, stored and welcomed once; the integration stays healthy.
    /// </summary>
    [Test]
    public async Task A_lead_read_throttled_with_80005_is_read_after_the_wait_and_stored_and_welcomed_once()
    {
        var (api, _, integrationId, leadId) = await ConnectedWithLeadAsync();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = Page, Kind = FaultKind.Throttle, Code = 80005, Times = 1 });

        await PostDocumentedSampleAsync(leadId);
        await App.DrainAsync();
        var throttled = await DeliveryAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(throttled.Status, Is.EqualTo(WebhookDeliveryStatus.Pending), "kept to be read again");
            Assert.That(throttled.NextAttemptAt, Is.GreaterThan(_clock.GetUtcNow().AddMinutes(4)), "not before Graph's estimated_time_to_regain_access");
            Assert.That(await StoredAsync(api, leadId), Is.Empty);
        });

        // Access is back: the throttle's usage reading (100 %) no longer paces the read, so the drain needs no more time.
        _clock.Advance(TimeSpan.FromMinutes(6));
        await App.DrainAsync();

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        await using var scope = App.Services.CreateAsyncScope();
        var welcomes = await App.Db(scope).OutboxMessages.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter])
            .CountAsync(o => o.Lead!.FacebookLeadId == leadId && o.Kind == LeadOps.Domain.Leads.OutboxMessage.WelcomeKind);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await StoredAsync(api, leadId), Has.Count.EqualTo(1), "stored once");
            Assert.That(welcomes, Is.EqualTo(1), "welcomed once");
            Assert.That((await DeliveryAsync()).Status, Is.EqualTo(WebhookDeliveryStatus.Processed));
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("active"));
        });
    }

    /// <summary>
    /// One POST holding two pages' entries, as Meta batches updates ("Webhooks for Leads" sample per entry): the first
    /// page's lead read is throttled with 80005 for five minutes, the second page's lead is read and stored at once
    /// instead of waiting behind it; after the wait the first lead is stored too, each lead once.
    /// </summary>
    [Test]
    public async Task A_lead_read_throttled_on_one_page_does_not_hold_back_another_pages_lead_in_the_same_delivery()
    {
        var (api, _, _, throttledLead) = await ConnectedWithLeadAsync();
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.Options.WebhookDropRate = 1; // the sandbox's own delivery never arrives: only the body the test posts
        var otherLead = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = Page, Kind = FaultKind.Throttle, Code = 80005, Times = 1 });
        var created = _clock.GetUtcNow().ToUnixTimeSeconds();
        var body = $$$"""
            {"object":"page","entry":[
              {"id":"{{{Page}}}","time":{{{created}}},"changes":[{"field":"leadgen","value":{"leadgen_id":"{{{throttledLead}}}","page_id":"{{{Page}}}","form_id":"{{{Form}}}","created_time":{{{created}}}}}]},
              {"id":"{{{SandboxSeed.MainPageId}}}","time":{{{created}}},"changes":[{"field":"leadgen","value":{"leadgen_id":"{{{otherLead}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainTestRideFormId}}}","created_time":{{{created}}}}}]}
            ]}
            """;
        await LeadgenDeliveries.PostAsync(App, body);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await StoredAsync(api, otherLead), Has.Count.EqualTo(1), "the other page's lead is not held back");
            Assert.That(await StoredAsync(api, throttledLead), Is.Empty);
            Assert.That((await DeliveryAsync()).Status, Is.EqualTo(WebhookDeliveryStatus.Pending), "kept for the throttled lead");
        });

        _clock.Advance(TimeSpan.FromMinutes(6));
        await App.DrainAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await StoredAsync(api, throttledLead), Has.Count.EqualTo(1), "stored after the wait, once");
            Assert.That(await StoredAsync(api, otherLead), Has.Count.EqualTo(1), "still once");
            Assert.That((await DeliveryAsync()).Status, Is.EqualTo(WebhookDeliveryStatus.Processed));
        });
    }

    private async Task<(HttpClient Api, HttpClient Browser, long IntegrationId, string LeadId)> ConnectedWithLeadAsync()
    {
        await DisableEarlierIntegrationsAsync(); // one app for the fixture: only this test's integration gets the page's webhooks
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        var browser = await App.SignedInClientAsync(user);
        return (api, browser, integration.GetProperty("id").GetInt64(), Graph.SubmitLeads(Form, 1)[0]);
    }

    private Task PostDocumentedSampleAsync(string leadId) => PostDocumentedSampleAsync(App, leadId, _clock.GetUtcNow());

    /// <summary>"Webhooks for Leads" (graph-api/webhooks/getting-started/webhooks-for-leadgen): ids and time as numbers.</summary>
    internal static async Task PostDocumentedSampleAsync(TestApp app, string leadId, DateTimeOffset createdTime)
    {
        var body = $$"""
            {
              "object": "page",
              "entry": [
                {
                  "id": "{{Page}}",
                  "time": 1438292065,
                  "changes": [
                    {
                      "field": "leadgen",
                      "value": {
                        "leadgen_id": {{leadId}},
                        "page_id": {{Page}},
                        "form_id": {{Form}},
                        "adgroup_id": 23842000000000001,
                        "ad_id": 23842000000000001,
                        "created_time": {{createdTime.ToUnixTimeSeconds()}}
                      }
                    }
                  ]
                }
              ]
            }
            """;
        using var client = app.NewClient();
        using var response = await WebhookTests.PostSignedAsync(client, body, app.Graph.Options.AppSecret);
        Assert.That(response.IsSuccessStatusCode, Is.True, "Meta is answered 200 whatever Graph says afterwards");
    }

    private static async Task<List<JsonElement>> StoredAsync(HttpClient api, string leadId) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray()
            .Where(l => l.GetProperty("facebook_lead_id").GetString() == leadId).ToList();

    /// <summary>This test's first delivery (the latest one when it posts its first).</summary>
    private async Task<LeadOps.Domain.Common.WebhookDelivery> DeliveryAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var deliveries = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.AsNoTracking();
        return await deliveries.Where(d => d.Id > _firstDelivery).OrderBy(d => d.Id).FirstAsync();
    }

    private long _firstDelivery;

    private async Task DisableEarlierIntegrationsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        await db.Integrations.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).ExecuteUpdateAsync(u => u.SetProperty(i => i.IsDisabled, true));
        _firstDelivery = await db.WebhookDeliveries.MaxAsync(d => (long?)d.Id) ?? 0;
    }
}
