using System.Net.Http.Headers;

namespace LeadOps.SecurityTests;

/// <summary>
/// Finding 8: <c>/metrics</c> showed other users' data (page ids in labels, counters across users) to any signed-in user.
/// Finding 12: <c>/status</c> was public and showed worker errors and the welcome backlog across users.
/// </summary>
public sealed class OperatorEndpointsTests(DatabaseKind database) : SecurityFixture(database)
{
    [Test]
    public async Task Metrics_are_for_the_operator_key_only_and_name_no_page()
    {
        var (user, integrationId) = await StaffWithPageAsync();
        using (var api = App.ApiClient(user))
        {
            var test = await api.PostAsync($"/api/integrations/{integrationId}/test", null);
            Assert.That(test.StatusCode, Is.EqualTo(HttpStatusCode.OK), "some Graph calls for the page, so metrics have labels to show");
        }

        using var staffApi = App.ApiClient(user);
        Assert.That((await staffApi.GetAsync("/metrics")).StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), "a staff API key");
        var cookie = await App.SignedInClientAsync(user);
        Assert.That((int)(await cookie.GetAsync("/metrics")).StatusCode, Is.InRange(400, 499), "a signed-in browser");
        using var anonymous = App.NewClient();
        Assert.That((int)(await anonymous.GetAsync("/metrics")).StatusCode, Is.InRange(400, 499), "anyone");

        using var operatorClient = OperatorClient();
        var metrics = await operatorClient.GetAsync("/metrics");
        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("leadops_"));
        Assert.That(text, Does.Not.Contain("leadops_leadops_"), "the meter's name once, not twice");
        Assert.That(text, Does.Not.Contain(SandboxSeed.MainPageId), "no page id in any label");
    }

    [Test]
    public async Task The_operator_key_opens_no_user_data()
    {
        using var operatorClient = OperatorClient();
        foreach (var path in new[] { "/api/leads", "/api/conversations", "/api/integrations", "/api/api-keys" })
        {
            Assert.That((int)(await operatorClient.GetAsync(path)).StatusCode, Is.InRange(400, 499), path);
        }
    }

    [Test]
    public async Task Status_answers_liveness_to_anyone_and_details_to_staff_and_the_operator()
    {
        using var anonymous = App.NewClient();
        var live = await anonymous.GetAsync("/status");
        Assert.That((int)live.StatusCode, Is.AnyOf(200, 503));
        var liveness = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(liveness.TryGetProperty("status", out _), Is.True);
        Assert.That(liveness.TryGetProperty("checks", out _), Is.False, "no details for anonymous callers");

        using var badKey = App.NewClient();
        badKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        Assert.That((await (await badKey.GetAsync("/status")).Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("checks", out _), Is.False);

        var user = await App.NewUserAsync();
        foreach (var (who, client) in new[] { ("staff", await App.SignedInClientAsync(user)), ("staff key", App.ApiClient(user)), ("operator", OperatorClient()) })
        {
            var details = await (await client.GetAsync("/status")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(details.GetProperty("checks").GetProperty("workers").TryGetProperty("data", out _), Is.True, who);
            Assert.That(details.GetProperty("checks").GetProperty("welcome_outbox").GetProperty("data").TryGetProperty("pending", out _), Is.True, who);
        }
    }
}
