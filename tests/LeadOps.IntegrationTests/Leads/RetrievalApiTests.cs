using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>The brief's two endpoints: exact shapes and every error message.</summary>
public sealed class RetrievalApiTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task Forms_endpoint_has_the_briefs_shape()
    {
        var (api, integrationId) = await ConnectedUserAsync();

        var body = await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-forms");

        var forms = body.GetProperty("forms").EnumerateArray().ToList();
        Assert.That(forms, Has.Count.EqualTo(3));
        var form = forms.Single(f => f.GetProperty("id").GetString() == SandboxSeed.MainTestRideFormId);
        Assert.That(form.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "name", "status", "integration_id", "page_id" }));
        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("ACTIVE"));
        Assert.That(form.GetProperty("integration_id").GetInt32(), Is.EqualTo(integrationId));
        Assert.That(form.GetProperty("page_id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));

        var filtered = await api.GetFromJsonAsync<JsonElement>($"/api/facebook-lead-forms?integration_id={integrationId}");
        Assert.That(filtered.GetProperty("forms").GetArrayLength(), Is.EqualTo(3));
        Assert.That((await api.GetAsync("/api/facebook-lead-forms?integration_id=999999")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Retrieval_reports_5_new_and_2_existing_in_the_briefs_exact_shape()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var formId = SandboxSeed.MainServiceFormId;
        var before = DateTimeOffset.UtcNow.AddDays(-2);
        Graph.AddLeads(formId, 2, before.AddHours(-1), before);
        var first = await RetrieveAsync(api, formId, integrationId);
        Assert.That(first.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(2));
        Graph.AddLeads(formId, 5, before.AddMinutes(1), before.AddMinutes(30));

        var body = await RetrieveAsync(api, formId, integrationId);

        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "success", "message", "data" }));
        Assert.That(body.GetProperty("success").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("Retrieved 5 new leads and found 2 existing leads"));
        var data = body.GetProperty("data");
        Assert.That(data.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "total_processed", "new_leads", "existing_leads", "processed_leads" }));
        Assert.That(data.GetProperty("total_processed").GetInt32(), Is.EqualTo(7));
        Assert.That(data.GetProperty("new_leads").GetInt32(), Is.EqualTo(5));
        Assert.That(data.GetProperty("existing_leads").GetInt32(), Is.EqualTo(2));
        var items = data.GetProperty("processed_leads").EnumerateArray().ToList();
        Assert.That(items, Has.Count.EqualTo(7));
        var created = items.First(i => i.GetProperty("status").GetString() == "created");
        Assert.That(created.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "facebook_lead_id", "status", "lead_id", "name" }));
        Assert.That(created.GetProperty("lead_id").GetInt64(), Is.GreaterThan(0));
        Assert.That(created.GetProperty("name").GetString(), Is.Not.Empty);
        Assert.That(items.Count(i => i.GetProperty("status").GetString() == "existing"), Is.EqualTo(2));
    }

    [Test]
    public async Task Another_users_integration_is_404_lead_form_integration_not_found()
    {
        var (_, aliceIntegration) = await ConnectedUserAsync();
        var bob = await App.NewUserAsync();
        using var bobApi = App.ApiClient(bob);

        var response = await bobApi.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainTestRideFormId, integration_id = aliceIntegration });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("Lead form integration not found"));
        Assert.That((await bobApi.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Another_users_leads_and_runs_are_404_on_every_api_and_page()
    {
        var (aliceApi, integrationId) = await ConnectedUserAsync();
        Graph.AddLeads(SandboxSeed.MainArchivedFormId, 3);
        var retrieved = await RetrieveAsync(aliceApi, SandboxSeed.MainArchivedFormId, integrationId);
        var leadId = retrieved.GetProperty("data").GetProperty("processed_leads")[0].GetProperty("lead_id").GetInt64();
        var runId = (await aliceApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0].GetProperty("id").GetInt64();

        var bob = await App.NewUserAsync();
        using var bobApi = App.ApiClient(bob);
        using var bobBrowser = await App.SignedInClientAsync(bob);
        foreach (var path in new[] { $"/api/leads/{leadId}", $"/api/facebook-lead-retrieval/runs/{runId}" })
        {
            Assert.That((await bobApi.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        foreach (var path in new[] { $"/Leads/{leadId}", $"/Leads/Runs/{runId}" })
        {
            Assert.That((await bobBrowser.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        Assert.That((await bobApi.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").GetArrayLength(), Is.Zero);
        Assert.That((await bobApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").GetArrayLength(), Is.Zero);
        Assert.That((await bobApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-forms")).GetProperty("forms").GetArrayLength(), Is.Zero);
        Assert.That((await aliceApi.GetAsync($"/api/leads/{leadId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still there for its owner");
    }

    [Test]
    public async Task A_form_not_on_the_integrations_page_is_404()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.ExpiringTokenFormId, integration_id = integrationId });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("Lead form integration not found"));
    }

    [Test]
    public async Task An_integration_without_a_usable_token_is_400_facebook_access_token_not_found()
    {
        var user = await App.NewUserAsync();
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            db.Integrations.Add(new LeadOps.Domain.Integrations.Integration { Name = "Broken", PageId = string.Empty, PageName = string.Empty, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var api = App.ApiClient(user);
        var id = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainTestRideFormId, integration_id = id });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("Facebook access token not found"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"Facebook access token not found\"}"), "the brief's 400 body, exactly");
    }

    [Test]
    public async Task Graph_failure_is_502_failed_to_fetch_with_the_cause()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        Graph.SetFault(new FaultRule { Route = "leads", Kind = FaultKind.PermissionMissing, Permission = "leads_retrieval", Times = 1 });

        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainTestRideFormId, integration_id = integrationId });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("Failed to fetch leads from Facebook"));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("leads_retrieval"));
    }

    [TestCase("{\"integration_id\":1}", "form_id")]
    [TestCase("{\"form_id\":\"123\"}", "integration_id")]
    [TestCase("{\"form_id\":\"1 OR 1=1\",\"integration_id\":1}", "form_id")]
    [TestCase("{\"form_id\":\"123\",\"integration_id\":1,\"since\":\"2026-11-20T00:00:00Z\",\"until\":\"2026-11-01T00:00:00Z\"}", "until")]
    public async Task Invalid_input_is_400_with_the_first_problem_and_field_errors(string json, string field)
    {
        var (api, _) = await ConnectedUserAsync();
        var response = await api.PostAsync("/api/facebook-lead-retrieval", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.Not.Empty);
        Assert.That(body.GetProperty("errors").TryGetProperty(field, out _), Is.True, body.ToString());
    }

    [Test]
    public async Task Date_range_only_retrieves_leads_created_inside_it()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var formId = SandboxSeed.MainTestRideFormId;
        var day = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-10);
        Graph.AddLeads(formId, 3, day.AddDays(-3), day.AddDays(-2));
        Graph.AddLeads(formId, 4, day.AddHours(1), day.AddHours(5));
        Graph.AddLeads(formId, 2, day.AddDays(3), day.AddDays(4));

        var body = await RetrieveAsync(api, formId, integrationId, since: day, until: day.AddDays(1));

        Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(4));
        var filter = Graph.Requests.Last(r => r.Path.EndsWith($"/{formId}/leads", StringComparison.Ordinal)).QueryString;
        Assert.That(Uri.UnescapeDataString(filter), Does.Contain("\"field\":\"time_created\"").And.Contain("GREATER_THAN").And.Contain("LESS_THAN"));
    }

    [Test]
    public async Task Lead_answers_with_markup_render_as_text()
    {
        var user = await App.NewUserAsync();
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            db.Leads.Add(new LeadOps.Domain.Leads.Lead
            {
                FacebookLeadId = "xss-1", PageId = "p", FormId = "f", FormName = "<b>form</b>", FullName = "<script>alert(1)</script>",
                Email = "x@example.com", CreatedTime = DateTimeOffset.UtcNow, FirstSeenAt = DateTimeOffset.UtcNow,
                AnswersJson = "[{\"name\":\"note\",\"values\":[\"<img src=x onerror=alert(2)>\"]}]",
            });
            await db.SaveChangesAsync();
        }

        using var browser = await App.SignedInClientAsync(user);
        var list = await browser.GetStringAsync("/Leads");
        Assert.That(list, Does.Not.Contain("<script>alert(1)</script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        using var api = App.ApiClient(user);
        var id = (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads")[0].GetProperty("id").GetInt64();
        var details = await browser.GetStringAsync($"/Leads/{id}");
        Assert.That(details, Does.Not.Contain("<img src=x").And.Contain("&lt;img src=x onerror=alert(2)&gt;"));
    }

    private async Task<(HttpClient Api, int IntegrationId)> ConnectedUserAsync()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        return (api, integration.GetProperty("id").GetInt32());
    }

    internal static async Task<JsonElement> RetrieveAsync(HttpClient api, string formId, int integrationId, DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = formId, integration_id = integrationId, since, until });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body;
    }
}
