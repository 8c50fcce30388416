using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// "Send a test lead": a self-check of the whole chain. LeadOps creates the lead through Graph's test-lead endpoint
/// (deleting the form's previous one, since Graph keeps one per form), then shows when and by which path it arrived.
/// </summary>
public sealed class TestLeadTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_test_lead_is_created_through_graph_and_the_form_shows_that_it_arrived_by_webhook()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.MainServiceFormId;

        var first = await SendAsync(api, id, form);
        var firstLead = Graph.TestLeadOf(form);
        var second = await SendAsync(api, id, form);

        Assert.That(first.GetProperty("test_lead_id").GetString(), Is.EqualTo(firstLead));
        Assert.That(second.GetProperty("test_lead_id").GetString(), Is.EqualTo(Graph.TestLeadOf(form)).And.Not.EqualTo(firstLead), "the previous test lead was deleted first");
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();

        var shown = FormOf(await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}"), form);
        Assert.That(shown.GetProperty("test_lead_arrived_by").GetString(), Is.EqualTo("webhook"));
        Assert.That(shown.GetProperty("test_lead_arrived_at").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(shown.GetProperty("test_lead_sent_at").GetDateTimeOffset().AddSeconds(-1)));
        using var browser = await App.SignedInClientAsync(user);
        Assert.That(await browser.GetStringAsync($"/Integrations/{id}"), Does.Contain("arrived by webhook"));
        var lead = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={form}")).GetProperty("leads")[0];
        Assert.That(lead.GetProperty("welcome_status").GetString(), Is.EqualTo("skipped"), "a test lead has no e-mail: nobody is written to");
    }

    [Test]
    public async Task Test_leads_the_form_lists_beyond_the_first_page_are_deleted_too_so_the_new_one_is_taken()
    {
        var form = SandboxSeed.MainServiceFormId;
        var listed = Enumerable.Range(0, 30).Select(_ => Graph.SubmitLead(form, new SandboxLead { IsTestLead = true })).ToList();
        await Graph.WhenWebhooksDrainedAsync();
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        var requestsBefore = Graph.Requests.Count;

        var sent = await SendAsync(api, id, form);

        var calls = Graph.Requests.Skip(requestsBefore).ToList();
        var deleted = calls.Where(r => r.Method == "DELETE").Select(r => r.Path.Split('/')[^1]).ToList();
        Assert.That(calls.Count(r => r.Method == "GET" && r.Path.EndsWith("/test_leads", StringComparison.Ordinal)), Is.GreaterThan(1), "the edge is walked page by page");
        Assert.That(deleted, Is.SupersetOf(listed), "every test lead listed, on every page, is deleted (the sandbox takes a new one only then)");
        Assert.That(sent.GetProperty("test_lead_id").GetString(), Is.EqualTo(Graph.TestLeadOf(form)).And.Not.AnyOf([.. listed]));
    }

    private static async Task<JsonElement> SendAsync(HttpClient api, int id, string form)
    {
        var response = await api.PostAsync($"/api/integrations/{id}/forms/{form}/test-lead", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.IsSuccessStatusCode, Is.True, body.ToString());
        return FormOf(body, form);
    }

    private static JsonElement FormOf(JsonElement integration, string form) =>
        integration.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("id").GetString() == form);
}
