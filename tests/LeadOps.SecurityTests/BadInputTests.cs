using System.Text.RegularExpressions;

namespace LeadOps.SecurityTests;

/// <summary>
/// Finding 4: bad input answered 500 (invalid UTF-8 in /admin/send-message, Until=9999-12-31 on the Leads page).
/// Finding 5: bad form input silently changed meaning. Each is now a 4xx that says what is wrong and changes nothing.
/// </summary>
public sealed class BadInputTests(DatabaseKind database) : SecurityFixture(database)
{
    [Test]
    public async Task Invalid_utf8_in_any_string_of_send_message_is_422_in_the_briefs_shape()
    {
        var (user, _) = await StaffWithPageAsync();
        var (conversation, psid) = await CustomerWritesAsync(user);
        using var api = App.ApiClient(user);
        var sends = Graph.SentMessages.Count;
        foreach (var field in new[] { "message_text", "recipient_id", "conversation_id", "admin_id" })
        {
            var json = $"{{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"Hi\",\"admin_id\":\"{Guid.NewGuid()}\"}}";
            var bytes = Encoding.UTF8.GetBytes(json).ToList();
            var at = json.IndexOf($"\"{field}\":\"", StringComparison.Ordinal) + field.Length + 4;
            bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF });
            using var content = new ByteArrayContent([.. bytes]);
            content.Headers.ContentType = new("application/json");

            var response = await api.PostAsync("/admin/send-message", content);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), field);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(body.GetProperty("detail")[0].GetProperty("msg").GetString(), Does.Contain("UTF-8"), field);
        }

        Assert.That(Graph.SentMessages, Has.Count.EqualTo(sends));
    }

    [TestCase("9999-12-31", "", "The date must be between 2000-01-01 and 2100-12-31.")]
    [TestCase("", "9999-12-31", "The date must be between 2000-01-01 and 2100-12-31.")]
    [TestCase("0001-01-01", "", "The date must be between 2000-01-01 and 2100-12-31.")]
    [TestCase("not-a-date", "", "The value 'not-a-date' is not a valid date (yyyy-mm-dd).")]
    [TestCase("", "31/12/2026", "The value '31/12/2026' is not a valid date (yyyy-mm-dd).")]
    public async Task The_leads_page_refuses_unparsable_or_absurd_dates_beside_the_field_and_starts_no_retrieval(string since, string until, string message)
    {
        var (user, integrationId) = await StaffWithPageAsync();
        var client = await App.SignedInClientAsync(user);
        var response = await client.PostFormAsync("/Leads?handler=Retrieve", new Dictionary<string, string>
        {
            ["Retrieve.FormId"] = SandboxSeed.MainTestRideFormId,
            ["Retrieve.IntegrationId"] = integrationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Retrieve.Since"] = since,
            ["Retrieve.Until"] = until,
        }, formPage: "/Leads");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await response.Content.ReadAsStringAsync();
        var (field, typed, error) = since.Length > 0 ? ("Retrieve.Since", since, "retrieve-since-error") : ("Retrieve.Until", until, "retrieve-until-error");
        Assert.That(html, Does.Not.Contain("data-test=\"bad-input\""), "the Leads page with its retrieve panel, not a page about the request");
        Assert.That(WebUtility.HtmlDecode(Regex.Match(html, $"<span[^>]*data-test=\"{error}\"[^>]*>(?<text>.*?)</span>").Groups["text"].Value), Is.EqualTo(message), "said beside the field");
        Assert.That(Regex.Match(html, $"<input[^>]*name=\"{field}\"[^>]*>").Value, Does.Contain($"value=\"{WebUtility.HtmlEncode(typed)}\""), "what was typed is kept");
        Assert.That(await RunCountAsync(user), Is.Zero, "no retrieval started");
    }

    [Test]
    public async Task An_unparsable_boolean_does_not_disable_the_integration()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        var client = await App.SignedInClientAsync(user);
        var response = await client.PostFormAsync($"/Integrations/{integrationId}?handler=Enable&enabled=maybe", new Dictionary<string, string>(), formPage: $"/Integrations/{integrationId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("enabled"));
        using var api = App.ApiClient(user);
        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        Assert.That(integration.GetProperty("status").GetString(), Is.Not.EqualTo("disabled"));
    }

    [Test]
    public async Task Search_text_over_200_characters_is_refused_not_dropped()
    {
        var (user, _) = await StaffWithPageAsync();
        using var api = App.ApiClient(user);
        var longText = new string('a', 201);
        var response = await api.GetAsync("/api/leads?q=" + longText);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Does.Contain("200"));

        var client = await App.SignedInClientAsync(user);
        var page = await client.GetAsync("/Leads?q=" + longText);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("200 characters"));
    }

    [Test]
    public async Task A_reversed_date_range_on_the_lead_list_is_400()
    {
        var (user, _) = await StaffWithPageAsync();
        using var api = App.ApiClient(user);
        var response = await api.GetAsync("/api/leads?since=2026-12-01&until=2026-11-01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Does.Contain("until"));
    }

    [Test]
    public async Task Bulk_retrieval_with_an_empty_form_list_is_400_and_retrieves_nothing()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        using var api = App.ApiClient(user);
        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval/bulk", new { integration_id = integrationId, form_ids = Array.Empty<string>() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Does.Contain("form_ids"));
        Assert.That(await RunCountAsync(user), Is.Zero);
    }

    [Test]
    public async Task Dates_out_of_range_in_json_bodies_are_400_and_retrieve_nothing()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        using var api = App.ApiClient(user);
        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new
        {
            form_id = SandboxSeed.MainTestRideFormId, integration_id = integrationId, since = "9999-12-31T00:00:00Z",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("since"));
        Assert.That(await RunCountAsync(user), Is.Zero);
    }

    [Test]
    public async Task A_post_to_a_page_that_takes_no_such_post_is_405_with_a_message_not_a_500()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        var (conversation, _) = await CustomerWritesAsync(user);
        var client = await App.SignedInClientAsync(user);
        string[] paths =
        [
            "/Health", "/Audit", $"/Inbox/Conversation/{conversation}", "/Inbox?handler=Nope", "/Leads?handler=Nope",
            $"/Integrations/{integrationId}?handler=Nope",
        ];
        using var api = App.ApiClient(user);
        var before = await api.GetStringAsync($"/api/integrations/{integrationId}");

        foreach (var path in paths)
        {
            var response = await client.PostFormAsync(path, new Dictionary<string, string> { ["enabled"] = "false" }, formPage: "/Leads");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), path);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Nothing was changed").And.Contain("no form that posts here"), path);
        }

        Assert.That(await api.GetStringAsync($"/api/integrations/{integrationId}"), Is.EqualTo(before), "nothing changed");
    }

    [Test]
    public async Task A_page_that_refuses_a_method_says_in_Allow_which_methods_it_takes()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        var (conversation, _) = await CustomerWritesAsync(user);
        var client = await App.SignedInClientAsync(user);
        string[] readOnly = ["/Health", "/Audit", $"/Inbox/Conversation/{conversation}", "/Leads?handler=Nope"];
        foreach (var path in readOnly)
        {
            var response = await client.PostFormAsync(path, new Dictionary<string, string>(), formPage: "/Leads");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), path);
            Assert.That(response.Content.Headers.Allow.ToArray(), Is.EqualTo(new[] { "GET", "HEAD" }), path);
        }

        // The integration's Messenger settings form posts to its own page without a handler name: that page takes POST too.
        var messaging = $"/Integrations/{integrationId}/messaging";
        using var delete = new HttpRequestMessage(HttpMethod.Delete, messaging);
        delete.Headers.Add("X-CSRF-TOKEN", await AntiforgeryTokenAsync(client, "/Leads"));
        var refused = await client.SendAsync(delete);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), messaging);
        Assert.That(refused.Content.Headers.Allow.ToArray(), Is.EqualTo(new[] { "GET", "HEAD", "POST" }), messaging);
    }

    // Routing writes these 405s and their Allow; the error page gives them the house API's body, whatever the method.
    [TestCase("PUT", "/api/leads", "GET")]
    [TestCase("DELETE", "/admin/send-message", "POST")]
    [TestCase("GET", "/api/conversations/0c3a9a4b6a2f4f0c9b2e8d7c6b5a4f3e/take", "POST")]
    [TestCase("PUT", "/inbox/files/0c3a9a4b6a2f4f0c9b2e8d7c6b5a4f3e", "GET")]
    [TestCase("POST", "/status", "GET, HEAD")]
    public async Task A_route_that_refuses_a_method_says_in_Allow_which_methods_it_takes(string method, string path, string allowed)
    {
        using var api = App.ApiClient(await App.NewUserAsync());
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await api.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow.ToArray(), Is.EqualTo(allowed.Split(", ")));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("This method is not allowed here."));
    }

    private async Task<int> RunCountAsync(TestUser user)
    {
        using var api = App.ApiClient(user);
        return (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").GetArrayLength();
    }
}
