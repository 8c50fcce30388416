using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The brief's <c>GET /api/facebook-lead-forms</c> and <c>POST /api/facebook-lead-retrieval</c> on a real Kestrel, called
/// the way the brief's clients call them: its own example values, the bodies byte for byte, JSON types, a trailing
/// slash, the integration id as a dropdown sends it, and the bodies it never shows (empty, not JSON) refused with a message.
/// </summary>
public sealed class BriefRetrievalContractTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithSandbox(new() { InitialLeadsPerForm = 0 }).OnKestrel().WithSetting("Retrieval:WaitForRunUnderWay", "00:00:00");

    [Test]
    public async Task The_briefs_example_request_for_an_integration_that_is_not_the_callers_is_the_briefs_404_body_exactly()
    {
        using var api = App.ApiClient(await App.NewUserAsync());

        using var response = await PostJsonAsync(api, "/api/facebook-lead-retrieval", "{\n  \"form_id\": \"123456789\",\n  \"integration_id\": 1\n}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"Lead form integration not found\"}"));
    }

    [Test]
    public async Task A_form_of_another_page_is_the_briefs_404_body_exactly()
    {
        var (api, integrationId) = await ConnectedUserAsync();

        using var response = await PostJsonAsync(api, "/api/facebook-lead-retrieval", $"{{\"form_id\":\"{SandboxSeed.ExpiringTokenFormId}\",\"integration_id\":{integrationId}}}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"Lead form integration not found\"}"));
    }

    [Test]
    public async Task Forms_are_the_briefs_fields_with_the_briefs_json_types_and_none_is_an_empty_list()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        using var nobody = App.ApiClient(await App.NewUserAsync());

        var body = await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-forms");
        var empty = await nobody.GetStringAsync("/api/facebook-lead-forms");

        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "forms" }));
        var form = body.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("id").GetString() == SandboxSeed.MainTestRideFormId);
        Assert.Multiple(() =>
        {
            Assert.That(Kinds(form), Is.EqualTo(new Dictionary<string, JsonValueKind>
            {
                ["id"] = JsonValueKind.String,
                ["name"] = JsonValueKind.String,
                ["status"] = JsonValueKind.String,
                ["integration_id"] = JsonValueKind.Number,
                ["page_id"] = JsonValueKind.String,
            }));
            Assert.That(form.GetProperty("integration_id").GetInt32(), Is.EqualTo(integrationId));
            Assert.That(empty, Is.EqualTo("{\"forms\":[]}"));
        });
    }

    [Test]
    public async Task Processed_leads_carry_numbers_and_strings_and_an_existing_lead_names_the_stored_one()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var formId = SandboxSeed.MainServiceFormId;
        Graph.AddLeads(formId, 1, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-3));
        var first = await RetrieveAsync(api, $"{{\"form_id\":\"{formId}\",\"integration_id\":{integrationId}}}");
        var created = first.GetProperty("data").GetProperty("processed_leads").EnumerateArray().Single();
        Graph.AddLeads(formId, 1, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-2));

        var second = await RetrieveAsync(api, $"{{\"form_id\":\"{formId}\",\"integration_id\":{integrationId}}}");

        var data = second.GetProperty("data");
        var existing = data.GetProperty("processed_leads").EnumerateArray().Single(i => i.GetProperty("status").GetString() == "existing");
        var item = new Dictionary<string, JsonValueKind>
        {
            ["facebook_lead_id"] = JsonValueKind.String,
            ["status"] = JsonValueKind.String,
            ["lead_id"] = JsonValueKind.Number,
            ["name"] = JsonValueKind.String,
        };
        Assert.Multiple(() =>
        {
            Assert.That(Kinds(second), Is.EqualTo(new Dictionary<string, JsonValueKind>
            {
                ["success"] = JsonValueKind.True,
                ["message"] = JsonValueKind.String,
                ["data"] = JsonValueKind.Object,
            }));
            Assert.That(Kinds(data), Is.EqualTo(new Dictionary<string, JsonValueKind>
            {
                ["total_processed"] = JsonValueKind.Number,
                ["new_leads"] = JsonValueKind.Number,
                ["existing_leads"] = JsonValueKind.Number,
                ["processed_leads"] = JsonValueKind.Array,
            }));
            Assert.That(Kinds(created), Is.EqualTo(item));
            Assert.That(Kinds(existing), Is.EqualTo(item));
            Assert.That(existing.GetProperty("facebook_lead_id").GetString(), Is.EqualTo(created.GetProperty("facebook_lead_id").GetString()));
            Assert.That(existing.GetProperty("lead_id").GetInt64(), Is.EqualTo(created.GetProperty("lead_id").GetInt64()), "the stored lead's id");
            Assert.That(existing.GetProperty("name").GetString(), Is.EqualTo(created.GetProperty("name").GetString()));
            Assert.That((data.GetProperty("total_processed").GetInt32(), data.GetProperty("new_leads").GetInt32(), data.GetProperty("existing_leads").GetInt32()), Is.EqualTo((2, 1, 1)));
        });
    }

    [Test]
    public async Task An_integration_id_sent_as_a_string_as_an_html_select_gives_it_is_read_as_the_number()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        Graph.AddLeads(SandboxSeed.MainArchivedFormId, 1);

        var body = await RetrieveAsync(api, $"{{\"form_id\":\"{SandboxSeed.MainArchivedFormId}\",\"integration_id\":\"{integrationId}\"}}");

        Assert.That(body.GetProperty("success").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Fields_the_brief_does_not_name_are_ignored_as_the_briefs_request_model_ignored_them()
    {
        var (api, integrationId) = await ConnectedUserAsync();

        var body = await RetrieveAsync(api, $"{{\"form_id\":\"{SandboxSeed.MainTestRideFormId}\",\"integration_id\":{integrationId},\"page_id\":\"{SandboxSeed.MainPageId}\",\"form_name\":\"Test ride booking\"}}");

        Assert.That(body.GetProperty("success").GetBoolean(), Is.True);
    }

    [TestCase("/api/facebook-lead-forms/")]
    [TestCase("/api/facebook-lead-retrieval/")]
    public async Task A_trailing_slash_reaches_the_same_endpoint(string path)
    {
        var (api, integrationId) = await ConnectedUserAsync();

        using var response = path.EndsWith("forms/", StringComparison.Ordinal)
            ? await api.GetAsync(path)
            : await PostJsonAsync(api, path, $"{{\"form_id\":\"{SandboxSeed.MainTestRideFormId}\",\"integration_id\":{integrationId}}}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JsonDocument.Parse(text).RootElement.TryGetProperty(path.EndsWith("forms/", StringComparison.Ordinal) ? "forms" : "success", out _), Is.True, text);
    }

    [TestCase("", "application/json", TestName = "An empty JSON body is a 400 with a message")]
    [TestCase("null", "application/json", TestName = "A null JSON body is a 400 with a message")]
    [TestCase("{\"form_id\":123456789,\"integration_id\":1}", "application/json", TestName = "A form_id that is a number is a 400 with a message")]
    [TestCase("{\"form_id\":\"123456789\",\"integration_id\":\"one\"}", "application/json", TestName = "An integration_id that is not a number is a 400 with a message")]
    [TestCase("form_id=123456789&integration_id=1", "application/x-www-form-urlencoded", TestName = "A form body is a 4xx with a message")]
    [TestCase("{\"form_id\":\"123456789\",\"integration_id\":1}", "text/plain", TestName = "JSON sent as text plain is a 4xx with a message")]
    public async Task A_body_the_brief_never_shows_is_refused_with_a_message_and_starts_no_run(string body, string contentType)
    {
        var (api, _) = await ConnectedUserAsync();

        using var response = await api.PostAsync("/api/facebook-lead-retrieval", new StringContent(body, Encoding.UTF8, contentType));

        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        if (contentType == "application/json")
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        }

        Assert.That(JsonDocument.Parse(text).RootElement.TryGetProperty("error", out var error) ? error.GetString() : null, Is.Not.Null.And.Not.Empty, text);
        Assert.That((await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_form_with_a_run_under_way_is_a_409_in_the_briefs_error_shape_and_starts_nothing()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            db.RetrievalRuns.Add(LeadOps.Domain.Leads.RetrievalRun.Start(integrationId, SandboxSeed.MainTestRideFormId, App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        using var response = await PostJsonAsync(api, "/api/facebook-lead-retrieval", $"{{\"form_id\":\"{SandboxSeed.MainTestRideFormId}\",\"integration_id\":{integrationId}}}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"A retrieval of this form is already under way\"}"));
        Assert.That((await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").GetArrayLength(), Is.EqualTo(1), "nothing started");
    }

    [TestCase("/api/facebook-lead-forms", "GET")]
    [TestCase("/api/facebook-lead-retrieval", "POST")]
    public async Task Without_a_key_the_answer_is_401_in_the_briefs_detail_shape(string path, string method)
    {
        using var anonymous = App.NewClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"form_id\":\"123456789\",\"integration_id\":1}", Encoding.UTF8, "application/json");
        }

        using var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"detail\":\"Invalid authentication\"}"));
    }

    private static Dictionary<string, JsonValueKind> Kinds(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind);

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient api, string path, string json) =>
        api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> RetrieveAsync(HttpClient api, string json)
    {
        using var response = await PostJsonAsync(api, "/api/facebook-lead-retrieval", json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(HttpClient Api, int IntegrationId)> ConnectedUserAsync()
    {
        var api = App.ApiClient(await App.NewUserAsync());
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        return (api, integration.GetProperty("id").GetInt32());
    }
}
