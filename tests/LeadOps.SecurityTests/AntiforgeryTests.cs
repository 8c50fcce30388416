namespace LeadOps.SecurityTests;

/// <summary>
/// Finding 2: cookie-authenticated API calls without a JSON body skipped antiforgery, so another site could make a
/// signed-in browser take, release, resolve, escalate, retry, test and subscribe. Finding 9: the Authorization scheme is
/// case-insensitive.
/// </summary>
public sealed class AntiforgeryTests(DatabaseKind database) : SecurityFixture(database)
{
    /// <summary>What a cross-site form or fetch can send without a preflight: a form, text/plain, or nothing.</summary>
    private static IEnumerable<(string Name, Func<HttpContent?> Body)> CrossSiteBodies()
    {
        yield return ("form", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }));
        yield return ("text/plain", () => new StringContent("{\"reason\":\"x\"}", Encoding.UTF8, "text/plain"));
        yield return ("empty", () => null);
        yield return ("json", () => new StringContent("{}", Encoding.UTF8, "application/json"));
    }

    [Test]
    public async Task Unsafe_api_calls_with_the_cookie_but_no_antiforgery_token_are_refused_and_change_nothing()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        var conversation = await EscalatedConversationAsync(user);
        var (browser, _) = await CookieSession.SignedInAsync(App, user);
        string[] paths =
        [
            $"/api/conversations/{conversation}/take", $"/api/conversations/{conversation}/release", $"/api/conversations/{conversation}/resolve",
            $"/api/conversations/{conversation}/escalate", $"/api/conversations/{conversation}/messages/1/retry",
            $"/api/integrations/{integrationId}/test", $"/api/integrations/{integrationId}/subscribe",
        ];
        var before = await StateAsync(user, conversation);
        var graphCalls = Graph.Requests.Count;

        foreach (var path in paths)
        {
            foreach (var (name, body) in CrossSiteBodies())
            {
                var response = await browser.PostAsync(path, body());
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{path} with a {name} body");
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.That(problem.GetProperty("error").GetString(), Does.Contain("antiforgery"), path);
            }
        }

        var delete = await browser.DeleteAsync($"/api/integrations/{integrationId}");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "DELETE with the cookie alone");
        Assert.That(await StateAsync(user, conversation), Is.EqualTo(before), "nothing changed");
        Assert.That(Graph.Requests.Count, Is.EqualTo(graphCalls), "Graph was not called");
    }

    [Test]
    public async Task The_apps_own_pages_send_the_token_in_a_header_and_the_call_goes_through()
    {
        var (user, _) = await StaffWithPageAsync();
        var conversation = await EscalatedConversationAsync(user);
        var (browser, _) = await CookieSession.SignedInAsync(App, user);
        var token = await AntiforgeryTokenAsync(browser);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversation}/take");
        request.Headers.Add("X-CSRF-TOKEN", token);
        var response = await browser.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("Bearer")]
    [TestCase("bearer")]
    [TestCase("BEARER")]
    public async Task Api_key_calls_need_no_antiforgery_token_and_the_scheme_is_case_insensitive(string scheme)
    {
        var (user, _) = await StaffWithPageAsync();
        var conversation = await EscalatedConversationAsync(user);
        using var client = App.NewClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {user.ApiKey}");

        var response = await client.PostAsync($"/api/conversations/{conversation}/take", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<string> StateAsync(TestUser user, Guid conversation)
    {
        using var api = App.ApiClient(user);
        var c = (await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("conversation");
        var integrations = await api.GetFromJsonAsync<JsonElement>("/api/integrations");
        return c.GetProperty("state").GetString() + "|" + c.GetProperty("assigned_to") + "|" + integrations.GetRawText();
    }
}
