using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Leads.Commands;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Graph's paging that would never end: a next page at a position the walk has already read (A → B → A), empty pages
/// without end whose position keeps changing, or the same leads again and again under ever new cursors. The walk stops: what it read is stored (the leads of a retrieval, the
/// forms of a listing), the run or the integration says why in plain words, and the next run reads the rest.
/// </summary>
public sealed class GraphPagingLoopTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>The not-subscribed page sends no webhooks: what is stored here, retrieval stored.</summary>
    private static readonly string Form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_walk_whose_paging_goes_back_to_a_page_it_read_stores_what_it_read_and_fails_the_run_saying_why()
    {
        // 100 leads, 25 a page: the third page names the second as its next one (the rule would go round ten times).
        var (api, integrationId, run, _) = await RetrieveWithAsync(100, new FaultRule { Kind = FaultKind.PagingCycle, Times = 10 });

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Failed"));
            Assert.That(run.GetProperty("error").GetString(), Does.Contain("went back to a page it had already given"));
            Assert.That(run.GetProperty("new_leads").GetInt32(), Is.EqualTo(75), "the three pages read are stored");
        });

        Graph.ClearFaults();
        await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);
        var leads = await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={Form}&page_size=200");
        Assert.That(leads.GetProperty("leads").GetArrayLength(), Is.EqualTo(Graph.LeadCount(Form)), "the next run reads the rest");
    }

    [Test]
    [Category(TestCategories.Slow)] // a hundred Graph calls
    public async Task A_walk_of_empty_pages_without_end_stops_after_the_bound_and_fails_the_run_saying_why()
    {
        // The first page has leads; then every page is empty and names a new next page, past the walk's bound.
        var (_, _, run, _) = await RetrieveWithAsync(60, new FaultRule { Kind = FaultKind.EmptyPageWithNext, AfterCalls = 1, Times = 150 });

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Failed"));
            Assert.That(run.GetProperty("error").GetString(), Does.Contain("empty pages in a row"));
            Assert.That(run.GetProperty("new_leads").GetInt32(), Is.EqualTo(25), "the first page is stored");
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(101), "the walk gave up once the empty pages passed the bound");
        });
    }

    [Test]
    public async Task A_walk_given_the_leads_it_read_again_under_new_cursors_ends_there_and_the_run_says_why()
    {
        // 100 leads, 25 a page: from the second page on, every page names itself again under a cursor never given before.
        // Graph would do it for ever; the rule stops after 60 pages, so a walk that does not end there fails this test
        // (it reads every lead, unwarned) rather than hang.
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[2];
        var (api, integrationId, run, user) = await RetrieveWithAsync(100, new FaultRule { Kind = FaultKind.SamePageNewCursor, Times = 60 }, form);

        Assert.Multiple(() =>
        {
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1 + GraphEdgeWalk.SeenPagesInARowToEnd), "the pages named anew brought no new lead, and the walk ended after enough in a row");
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"), run.ToString());
            Assert.That(run.GetProperty("warning").GetString(), Does.Contain("kept returning leads this sync had already read"), run.ToString());
            Assert.That(run.GetProperty("new_leads").GetInt32(), Is.EqualTo(50), "the two pages read are stored, each lead once");
            Assert.That(run.GetProperty("existing_leads").GetInt32(), Is.EqualTo(0), run.ToString());
        });

        await using (var scope = App.ScopeFor(user.Id))
        {
            var watermark = await App.Db(scope).IntegrationForms.Where(f => f.IntegrationId == integrationId && f.FormId == form).Select(f => f.Watermark).SingleAsync();
            Assert.That(watermark, Is.Null, "a walk ended on leads already read does not move the watermark: the next sync reads that part again");
        }

        Graph.ClearFaults();
        await RetrievalApiTests.RetrieveAsync(api, form, integrationId);
        var leads = await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={form}&page_size=200");
        Assert.That(leads.GetProperty("leads").GetArrayLength(), Is.EqualTo(Graph.LeadCount(form)), "the next run reads the rest");
    }

    [Test]
    public async Task A_forms_listing_whose_paging_goes_round_keeps_the_forms_read_and_says_they_could_not_all_be_listed()
    {
        var page = SandboxSeed.NotSubscribedPageId;
        // 100 forms a page: the third page names the second as its next one, a fourth is never reached.
        for (var i = 0; i < 350; i++)
        {
            Graph.AddForm(page, $"Campaign form {i}");
        }

        var total = SandboxSeed.FormIdsOf(page).Count + 350;
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = page, Kind = FaultKind.PagingCycle, Times = 10 });

        var connected = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);

        Assert.Multiple(() =>
        {
            Assert.That(connected.GetProperty("forms").GetArrayLength(), Is.EqualTo(300), "the three pages of 100 forms read are kept");
            Assert.That(connected.GetProperty("last_error").GetString(), Does.StartWith("LeadOps could not list the page's lead forms").And.Contain("went back to a page"));
        });

        Graph.ClearFaults();
        var id = connected.GetProperty("id").GetInt32();
        await App.SendAsync(user, new ProbeLeadForms(id));
        var later = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(later.GetProperty("forms").GetArrayLength(), Is.EqualTo(total), "the next listing brings the rest");
            Assert.That(later.GetProperty("last_error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    /// <summary>Retrieves <see cref="Form"/> (or <paramref name="form"/>: the fixture's tests add leads to one sandbox) under <paramref name="fault"/>.</summary>
    private async Task<(HttpClient Api, int IntegrationId, JsonElement Run, TestUser User)> RetrieveWithAsync(int leads, FaultRule fault, string? form = null)
    {
        form ??= Form;
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        Graph.AddLeads(form, leads, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.SetFault(fault with { Route = FaultRoutes.Leads, FormId = form });

        using var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = form, integration_id = integrationId });
        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        return (api, integrationId, run, user);
    }
}
