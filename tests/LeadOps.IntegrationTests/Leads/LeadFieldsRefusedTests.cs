using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// facebook/facebook-java-business-sdk issue #450: a lead read naming a field the app lacks the capability for
/// (<c>post_submission_check_result</c> there) is refused whole, "(#3) Application does not have the capability to make this
/// API call.", while the same read without that field is answered. LeadOps asks for the vertical fields too (partner, retailer
/// item, home listing, vehicle, post); when Graph refuses one of them so (the sandbox's
/// <see cref="SandboxOptions.LeadFieldsWithoutCapability"/>), the lead is still read, stored once and welcomed once, by a
/// webhook and by a retrieval alike, and the page is not marked as missing a permission. So too when Graph answers a field it
/// does not have, "(#100) Tried accessing nonexisting field" (the sandbox's <see cref="SandboxOptions.LeadFieldsUnknown"/>).
/// </summary>
public sealed class LeadFieldsRefusedTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>The not-subscribed page sends no webhooks: what is stored here, retrieval stored.</summary>
    private static readonly string ServiceForm = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// The app (and its sandbox) lives as long as the class: each test leaves the refused fields as it found them, and the
    /// app forgets what its pages were refused (<see cref="GraphLeadFieldsMemory"/>), so the next test's reads ask every field.
    /// </summary>
    [TearDown]
    public void AnswerEveryFieldAgain()
    {
        Graph.Options.LeadFieldsUnknown.Clear();
        Graph.Options.LeadFieldsWithoutCapability.ExceptWith(["vehicle", "home_listing"]);
        App.Services.GetRequiredService<GraphLeadFieldsMemory>().Clear();
    }

    [TestCase(false, TestName = "A_lead_read_refused_for_a_field_without_capability_is_read_without_it_and_stored_once")]
    [TestCase(true, TestName = "A_lead_read_refused_for_a_nonexisting_field_is_read_without_it_and_stored_once")]
    public async Task A_lead_read_refused_for_one_field_is_read_without_it_and_stored_once(bool unknownField)
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Ana Lima"], ["email"] = ["ana@example.com"] },
            VehicleId = "5550001",
            PostId = "120211111111111_5550002",
        });
        var integrationId = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").EnumerateArray().Single().GetProperty("id").GetInt64();
        (unknownField ? Graph.Options.LeadFieldsUnknown : Graph.Options.LeadFieldsWithoutCapability).Add("vehicle");
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1765000000,"changes":[{"field":"leadgen","value":
              {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}","created_time":1765000000}}]}]}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("ana@example.com"), "the answers, read without the refused field");
            Assert.That(lead.GetProperty("vehicle_id").ValueKind, Is.EqualTo(JsonValueKind.Null), "read without the refused field");
            Assert.That(lead.GetProperty("post_id").GetString(), unknownField ? Is.EqualTo("120211111111111_5550002") : Is.Null,
                "a field Graph names as unknown is left out alone; (#3) names none, so every vertical field is");
            Assert.That(welcomes, Is.EqualTo(1));
            Assert.That(integration.GetProperty("status").GetString(), Is.Not.EqualTo("missing_permission"), "no permission is missing");
            Assert.That(integration.GetProperty("missing_permissions").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task A_leads_page_refused_for_a_field_without_capability_is_read_without_it_and_every_lead_is_stored()
    {
        var api = App.ApiClient(await App.NewUserAsync());
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        Graph.AddLeads(ServiceForm, 30, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.Options.LeadFieldsWithoutCapability.Add("home_listing");

        var body = await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId);

        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(Graph.LeadCount(ServiceForm)), "every lead of the form");
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"));
        });
    }

    [Test]
    public async Task A_retrieval_that_stored_leads_without_a_refused_field_says_so_on_its_run()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        Graph.AddLeads(ServiceForm, 5, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.Options.LeadFieldsUnknown.Add("vehicle");

        await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId);

        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        using var browser = await App.SignedInClientAsync(user);
        var panel = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Leads/Runs/{run.GetProperty("id").GetInt64()}"));
        const string Note = "Graph refused field vehicle for this page; leads were stored without it.";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"), "every lead was read");
            Assert.That(run.GetProperty("warning").GetString(), Is.EqualTo(Note));
            Assert.That(panel, Does.Contain(Note), "the run's page says it too");
        }
    }

    [Test]
    public async Task A_retrieval_that_meets_a_repeating_cursor_and_a_refused_field_says_both_on_its_run()
    {
        var api = App.ApiClient(await App.NewUserAsync());
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[2];
        Graph.AddLeads(form, 40, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.Options.LeadFieldsUnknown.Add("vehicle");
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, FormId = form, Kind = FaultKind.EmptyPageRepeatingCursor, Times = 100 });

        await RetrievalApiTests.RetrieveAsync(api, form, integrationId);

        var warning = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0].GetProperty("warning").GetString();
        const string Note = "Graph refused field vehicle for this page; leads were stored without it.";
        Assert.That(warning, Does.StartWith(Note + " "), "the refusal came first, on the first page");
        Assert.That(warning, Does.Contain("cursor"), "the repeated cursor that ended the walk is said too");
    }

    [Test]
    public async Task A_retrieval_that_stored_no_new_lead_says_nothing_of_refused_fields()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var since = DateTimeOffset.UtcNow.AddDays(-4);
        Graph.AddLeads(ServiceForm, 3, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId, since);
        Graph.Options.LeadFieldsUnknown.Add("vehicle");

        // The same window again: Graph lists the form's leads (read without vehicle), all already stored.
        await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId, since);

        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs[0].GetProperty("new_leads").GetInt32(), Is.Zero, "the second run found only leads it already had");
            Assert.That(runs[0].GetProperty("existing_leads").GetInt32(), Is.GreaterThanOrEqualTo(3));
            Assert.That(runs[0].GetProperty("warning").ValueKind, Is.EqualTo(JsonValueKind.Null), "no lead was stored without vehicle");
        }
    }
}
