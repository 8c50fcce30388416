using System.Globalization;
using System.Text.Json;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Queries;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Application.Leads.Stages.Queries;
using LeadOps.Domain.Leads.Conversions;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Stages;

/// <summary>
/// Every stage a lead enters, the first included, reaches Meta's Conversions API for CRM (the sandbox's
/// <c>POST /{dataset-id}/events</c>) once, with exactly the fields Meta documents: through the outbox, also when the
/// first attempt fails; Meta's refusals are kept per lead. The hosted worker is off: tests drive its passes.
/// </summary>
public sealed class ConversionsApiTests(DatabaseKind database) : AppFixture(database)
{
    private const string Form = SandboxSeed.MainServiceFormId;

    /// <summary>How many events the sandbox held when the test began: every user of this app retrieves the same seeded lead.</summary>
    private int _seen;

    [SetUp]
    public void NoteWhatTheSandboxHolds() => _seen = Graph.ConversionEvents.Count;

    /// <summary>The events the sandbox accepted during this test.</summary>
    private IEnumerable<ReceivedConversionEvent> Received => Graph.ConversionEvents.Skip(_seen);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 1 })
        .WithSetting("Conversions:WorkerEnabled", "false")
        .WithSetting("Conversions:FirstRetryDelay", "00:00:00.001")
        .WithSetting("Conversions:MaxRetryDelay", "00:00:00.010");

    [Test]
    public async Task The_entry_stage_and_each_stage_change_reach_meta_once_with_exactly_the_documented_fields()
    {
        var (user, leadId, facebookLeadId) = await LeadWithDatasetAsync(SandboxSeed.DatasetToken);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();

        await DrainAsync();
        var moved = await App.SendAsync(user, new ChangeLeadStage([leadId], "qualified"));
        await DrainAsync();
        await DrainAsync();

        Assert.That(moved.Value, Is.EqualTo(1));
        var received = Received.Where(e => e.LeadId == facebookLeadId).ToList();
        Assert.That(received.Select(e => e.EventName), Is.EqualTo(new[] { "New", "Qualified" }), "each stage entry once, in order");
        foreach (var e in received)
        {
            using var json = JsonDocument.Parse(e.Json);
            var root = json.RootElement;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Names(root), Is.EquivalentTo(new[] { "event_name", "event_time", "action_source", "user_data", "custom_data" }));
                Assert.That(Names(root.GetProperty("user_data")), Is.EquivalentTo(new[] { "lead_id" }));
                Assert.That(root.GetProperty("user_data").GetProperty("lead_id").GetInt64().ToString(CultureInfo.InvariantCulture), Is.EqualTo(facebookLeadId));
                Assert.That(Names(root.GetProperty("custom_data")), Is.EquivalentTo(new[] { "event_source", "lead_event_source" }));
                Assert.That(e.ActionSource, Is.EqualTo("system_generated"));
                Assert.That(e.EventSource, Is.EqualTo("crm"));
                Assert.That(e.LeadEventSource, Is.EqualTo("LeadOps"));
                Assert.That(e.EventTime, Is.InRange(before, DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()));
                Assert.That(e.DatasetId, Is.EqualTo(SandboxSeed.DatasetId));
                Assert.That(e.TestEventCode, Is.Null);
            }
        }

        var shown = (await App.SendAsync(user, new GetLeadWorkspace(leadId))).Value!;
        Assert.That(shown.StageName, Is.EqualTo("Qualified"));
        Assert.That(shown.History.Select(h => (h.From, h.To)), Is.EqualTo(new (string?, string)[] { ("New", "Qualified"), (null, "New") }));
        var qualified = shown.Conversions[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(qualified.Status, Is.EqualTo(ConversionEventStatus.Sent));
            Assert.That(qualified.EventsReceived, Is.EqualTo(1));
            Assert.That(qualified.FbTraceId, Is.EqualTo(received[1].FbTraceId));
            Assert.That(qualified.Request, Does.Contain("\"event_name\":\"Qualified\"").And.Not.Contain(SandboxSeed.DatasetToken));
        }
    }

    [Test]
    public async Task A_stage_change_whose_first_attempt_fails_reaches_meta_once_on_the_next_attempt()
    {
        var (user, leadId, facebookLeadId) = await LeadWithDatasetAsync(SandboxSeed.DatasetToken);
        await DrainAsync();
        // Fails every try of the Graph client's own retries (Facebook:Resilience:MaxAttempts, 3): the outbox's first attempt fails.
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Events, Kind = FaultKind.Transient, Code = 2, Times = 3 });

        await App.SendAsync(user, new ChangeLeadStage([leadId], "contacted"));
        await DrainOnceAsync();
        var afterFirst = (await App.SendAsync(user, new GetLeadWorkspace(leadId))).Value!.Conversions[0];
        await DrainAsync();

        var received = Received.Where(e => e.LeadId == facebookLeadId && e.EventName == "Contacted").ToList();
        var shown = (await App.SendAsync(user, new GetLeadWorkspace(leadId))).Value!.Conversions[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst.Status, Is.EqualTo(ConversionEventStatus.Pending), "an outage is retried");
            Assert.That(afterFirst.Error, Does.Contain("code 2"));
            Assert.That(received, Has.Count.EqualTo(1), "sent once, on the second attempt");
            Assert.That(shown.Status, Is.EqualTo(ConversionEventStatus.Sent));
            Assert.That(shown.Attempts, Is.EqualTo(2));
            Assert.That(shown.FbTraceId, Is.EqualTo(received[0].FbTraceId));
        }
    }

    [Test]
    public async Task Metas_refusal_is_kept_on_the_lead_and_not_retried()
    {
        var (user, leadId, facebookLeadId) = await LeadWithDatasetAsync("EAAnotTheDatasetsToken0123456789");

        await DrainAsync();
        await DrainAsync();

        var shown = (await App.SendAsync(user, new GetLeadWorkspace(leadId))).Value!.Conversions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.Status, Is.EqualTo(ConversionEventStatus.Failed));
            Assert.That(shown.Attempts, Is.EqualTo(1));
            Assert.That(shown.Error, Does.Contain("code 190").And.Contain("access token"));
            Assert.That(Received.Where(e => e.LeadId == facebookLeadId), Is.Empty);
        }
    }

    [Test]
    public async Task A_dataset_token_that_cannot_be_read_fails_at_once_saying_so_and_linking_again_with_a_token_sends()
    {
        var (user, leadId, facebookLeadId) = await LeadWithDatasetAsync(SandboxSeed.DatasetToken);
        int integrationId;
        await using (var scope = App.ScopeFor(user.Id))
        {
            integrationId = (await App.Db(scope).Leads.Where(l => l.Id == leadId).Select(l => l.IntegrationId).SingleAsync())!.Value;
            // What a changed key ring leaves: a protected token the app can no longer unprotect (ADR 0013).
            await App.Db(scope).ConversionsLinks.ExecuteUpdateAsync(s => s.SetProperty(l => l.AccessTokenProtected, "CfDJ8not-a-protected-token"));
        }

        await DrainAsync();
        var failed = (await App.SendAsync(user, new GetLeadWorkspace(leadId))).Value!.Conversions.Single();
        var keptUnreadable = await App.SendAsync(user, new LinkConversionsDataset(integrationId, SandboxSeed.DatasetId, null, null));
        var relinked = await App.SendAsync(user, new LinkConversionsDataset(integrationId, SandboxSeed.DatasetId, SandboxSeed.DatasetToken, null));
        await App.SendAsync(user, new ChangeLeadStage([leadId], "qualified"));
        await DrainAsync();

        var received = Received.Where(e => e.LeadId == facebookLeadId).Select(e => e.EventName).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Status, Is.EqualTo(ConversionEventStatus.Failed), "an unreadable token is not retried, as a refused one is not");
            Assert.That(failed.Error, Does.Contain("cannot read this dataset's stored access token").And.Contain("reconnect the dataset").And.Contain("Nothing was sent"));
            Assert.That(failed.Error, Does.Not.Contain("may already have"));
            Assert.That(keptUnreadable.IsSuccess, Is.False, "linking again without a token would keep the unreadable one");
            Assert.That(keptUnreadable.Detail, Does.Contain("cannot read this dataset's stored access token"));
            Assert.That(relinked.IsSuccess, Is.True, relinked.Error);
            Assert.That(received, Is.EqualTo(new[] { "Qualified" }), "nothing sent with the unreadable token; the next stage with the new one");
        }
    }

    [Test]
    public async Task Without_a_linked_dataset_nothing_is_sent_and_the_lead_says_why()
    {
        var user = await App.NewUserAsync();
        var integration = await ConnectAsync(user);
        await App.SendAsync(user, new RetrieveFacebookLeads(integration, Form));
        var lead = (await App.SendAsync(user, new ListLeads(new LeadFilter(FormId: Form)))).Items.Single();

        await DrainAsync();
        var arrived = (await App.SendAsync(user, new GetLeadWorkspace(lead.Id))).Value!.Conversions;
        await App.SendAsync(user, new ChangeLeadStage([lead.Id], "qualified"));
        await DrainAsync();

        // A new lead of an integration without a dataset leaves no Conversions API row at all (LeadFollowUps); a stage
        // staff choose later is kept as skipped, with the reason, on the lead.
        var shown = (await App.SendAsync(user, new GetLeadWorkspace(lead.Id))).Value!.Conversions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(arrived, Is.Empty);
            Assert.That(shown.Status, Is.EqualTo(ConversionEventStatus.Skipped));
            Assert.That(shown.Error, Does.Contain("No Meta dataset"));
            Assert.That(Received.Where(e => e.LeadId == lead.FacebookLeadId), Is.Empty);
        }
    }

    private async Task<(TestUser User, long LeadId, string FacebookLeadId)> LeadWithDatasetAsync(string datasetToken)
    {
        var user = await App.NewUserAsync();
        var integration = await ConnectAsync(user);
        var linked = await App.SendAsync(user, new LinkConversionsDataset(integration, SandboxSeed.DatasetId, datasetToken, null));
        Assert.That(linked.IsSuccess, Is.True, linked.Error);
        var retrieved = await App.SendAsync(user, new RetrieveFacebookLeads(integration, Form));
        Assert.That(retrieved.IsSuccess, Is.True, retrieved.Error);
        var lead = (await App.SendAsync(user, new ListLeads(new LeadFilter(FormId: Form)))).Items.Single();
        return (user, lead.Id, lead.FacebookLeadId);
    }

    private async Task<int> ConnectAsync(TestUser user)
    {
        var connected = await App.SendAsync(user, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        return connected.Value!.Id;
    }

    /// <summary>Passes of the worker until none takes anything (each retry is due within milliseconds here).</summary>
    private async Task DrainAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var worker = App.Services.GetRequiredService<ConversionsOutboxWorker>();
        while (true)
        {
            if (await worker.ProcessDueAsync(cts.Token) == 0)
            {
                await Task.Delay(20, cts.Token); // a retry due in a millisecond: one more look before calling it drained
                if (await worker.ProcessDueAsync(cts.Token) == 0)
                {
                    return;
                }
            }
        }
    }

    private async Task DrainOnceAsync()
    {
        var worker = App.Services.GetRequiredService<ConversionsOutboxWorker>();
        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.EqualTo(1));
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);
}
