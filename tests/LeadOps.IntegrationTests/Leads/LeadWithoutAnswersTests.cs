using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A lead Graph first answers without <c>field_data</c> (<see cref="FaultKind.LeadWithoutFieldData"/>) is stored with no
/// answers; a later read that brings them (the next retrieval, or a replayed webhook) fills them in, once, and the lead
/// stays the same lead: counted as existing, never welcomed twice, never stored twice.
/// </summary>
public sealed class LeadWithoutAnswersTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>A form of the page that sends no webhooks: what is stored here, retrieval stored.</summary>
    private static readonly string Form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];

    private static readonly SandboxLead WithAnswers = new()
    {
        Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Rosa Lima"], ["email"] = ["rosa@example.test"] },
    };

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_lead_first_listed_without_answers_takes_them_in_on_the_next_retrieval_and_stays_one_existing_lead()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var leadId = Graph.SubmitLead(Form, WithAnswers);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.LeadWithoutFieldData, Times = 1 });

        var first = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);
        var before = await StoredAsync(user.Id);
        using var browser = await App.SignedInClientAsync(user);
        var pageBefore = await browser.GetStringAsync($"/Leads/{before.Lead.Id}");
        var second = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);
        var after = await StoredAsync(user.Id);
        var third = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);
        var shown = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{after.Lead.Id}");
        var pageAfter = await browser.GetStringAsync($"/Leads/{after.Lead.Id}");
        var found = (await api.GetFromJsonAsync<JsonElement>("/api/leads?q=rosa")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1), "the first read came without field_data");
            Assert.That(Counts(first), Is.EqualTo((1, 0)), first.ToString());
            Assert.That(before.Lead.AnswersJson, Is.EqualTo("[]"), "stored all the same, without answers");
            Assert.That(pageBefore, Does.Contain("Facebook sent no answers for this lead yet"), "the lead page says so");
            Assert.That(pageAfter, Does.Not.Contain("Facebook sent no answers for this lead yet").And.Contain("rosa@example.test"));
            Assert.That(Counts(second), Is.EqualTo((0, 1)), "the second run meets it as existing: " + second);
            Assert.That(Counts(third), Is.EqualTo((0, 1)), third.ToString());
            Assert.That(after.Lead.FacebookLeadId, Is.EqualTo(leadId));
            Assert.That(after.Lead.Id, Is.EqualTo(before.Lead.Id), "the same lead");
            Assert.That(after.Lead.CreatedTime, Is.EqualTo(before.Lead.CreatedTime));
            Assert.That(after.Lead.FirstSeenAt, Is.EqualTo(before.Lead.FirstSeenAt));
            Assert.That(after.Lead.StageKey, Is.EqualTo(before.Lead.StageKey));
            Assert.That(after.Lead.WelcomeStatus, Is.EqualTo(before.Lead.WelcomeStatus));
            Assert.That(after.Lead.FullName, Is.EqualTo("Rosa Lima"), "the name read from the answers");
            Assert.That(after.Lead.Email, Is.EqualTo("rosa@example.test"));
            Assert.That(after.Lead.EmailKey, Is.EqualTo("rosa@example.test"));
            Assert.That(shown.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "full_name", "email" }));
            Assert.That(after.Leads, Is.EqualTo(1), "stored once");
            Assert.That(found, Is.EqualTo(new[] { leadId }), "found by the name its answers brought");
            Assert.That(after.Welcomes, Is.EqualTo(1), "one welcome row, no second welcome");
            Assert.That(after.Filled, Is.EqualTo(1), "one audit row says the answers were filled in");
        }
    }

    [Test]
    public async Task A_lead_read_without_answers_for_its_webhook_takes_them_in_when_the_webhook_is_delivered_again()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = SandboxSeed.MainPageId, Kind = FaultKind.LeadWithoutFieldData, Times = 1 });
        var leadId = Graph.SubmitLead(SandboxSeed.MainTestRideFormId, WithAnswers);
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        var before = await StoredAsync(user.Id);

        using var client = App.NewClient();
        var replay = await WebhookTests.PostSignedAsync(client, Graph.WebhookDeliveries[^1].Body, Graph.Options.AppSecret);
        await App.DrainAsync();
        var after = await StoredAsync(user.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1), "the webhook's read came without field_data");
            Assert.That(before.Lead.FacebookLeadId, Is.EqualTo(leadId));
            Assert.That(before.Lead.AnswersJson, Is.EqualTo("[]"));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.Lead.Id, Is.EqualTo(before.Lead.Id));
            Assert.That(after.Lead.Email, Is.EqualTo("rosa@example.test"), "the replayed webhook filled the answers in");
            Assert.That(after.Lead.AnswersJson, Does.Contain("rosa@example.test"));
            Assert.That(after.Leads, Is.EqualTo(1));
            Assert.That(after.Welcomes, Is.EqualTo(1));
            Assert.That(after.Filled, Is.EqualTo(1));
        }
    }

    private static (int Created, int Existing) Counts(JsonElement body) =>
        (body.GetProperty("data").GetProperty("new_leads").GetInt32(), body.GetProperty("data").GetProperty("existing_leads").GetInt32());

    private async Task<(Domain.Leads.Lead Lead, int Leads, int Welcomes, int Filled)> StoredAsync(string userId)
    {
        await using var scope = App.ScopeFor(userId);
        var db = App.Db(scope);
        var lead = await db.Leads.AsNoTracking().SingleAsync();
        return (lead, await db.Leads.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == AuditActions.FillAnswers && a.SubjectId == lead.Id.ToString()));
    }
}
