using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class GraphSandboxControlApiTests : SandboxFixture
{
    [Test]
    public async Task Leads_submitted_through_the_control_api_can_be_read_through_graph()
    {
        var response = await Http.Http.PostAsync("_sandbox/forms/" + SandboxSeed.MainServiceFormId + "/leads",
            SandboxClient.JsonContent(new { count = 2, created_time = "2026-11-20T10:15:00+0000" }));
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();

        var lead = await Http.GetAsync($"{ids[0]}?fields=id,created_time,form_id");

        Assert.That(ids, Has.Count.EqualTo(2));
        Assert.That(lead.Json.GetProperty("created_time").GetString(), Is.EqualTo("2026-11-20T10:15:00+0000"));
        Assert.That(lead.Json.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
    }

    [Test]
    public async Task A_customer_message_through_the_control_api_opens_the_window()
    {
        var response = await Http.Http.PostAsync(
            $"_sandbox/pages/{SandboxSeed.MainPageId}/customers/{SandboxSeed.CustomerWroteEightDaysAgoPsid}/messages",
            SandboxClient.JsonContent(new { text = "Still available?" }));

        var reply = await Http.SendToAsync(SandboxSeed.CustomerWroteEightDaysAgoPsid, "Yes!");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.IsError, Is.False);
    }

    [Test]
    public async Task Faults_set_through_the_control_api_fire_and_can_be_cleared()
    {
        var set = await Http.Http.PostAsync("_sandbox/faults",
            SandboxClient.JsonContent(new { route = "leads", kind = "Throttle", code = 80005, after_calls = 0, times = 1 }));
        var throttled = await Http.GetAsync($"{SandboxSeed.MainTestRideFormId}/leads");
        await Http.Http.PostAsync("_sandbox/faults", SandboxClient.JsonContent(new { route = "me", kind = "Transient" }));
        await Http.Http.DeleteAsync("_sandbox/faults");
        var healthy = await Http.GetAsync("me");

        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(throttled.ErrorCode, Is.EqualTo(80005));
        Assert.That(healthy.IsError, Is.False);
    }

    [Test]
    public async Task A_bad_fault_rule_is_a_400()
    {
        var response = await Http.Http.PostAsync("_sandbox/faults", SandboxClient.JsonContent(new { route = "nowhere", kind = "Transient" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Sent_requests_and_webhooks_are_readable_as_json()
    {
        await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello");

        var sent = await Http.Http.GetFromJsonAsync<JsonElement>("_sandbox/sent");
        var requests = await Http.Http.GetFromJsonAsync<JsonElement>("_sandbox/requests");
        var webhooks = await Http.Http.GetFromJsonAsync<JsonElement>("_sandbox/webhooks");
        var state = await Http.Http.GetFromJsonAsync<JsonElement>("_sandbox/state");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent[0].GetProperty("text").GetString(), Is.EqualTo("Hello"));
            Assert.That(requests[0].GetProperty("path").GetString(), Is.EqualTo($"/v25.0/{SandboxSeed.MainPageId}/messages"));
            Assert.That(requests[0].GetProperty("has_authorization_header").GetBoolean(), Is.True);
            Assert.That(webhooks.GetArrayLength(), Is.EqualTo(2), "echo and delivery, recorded even without a callback");
            Assert.That(state.GetProperty("pages").GetArrayLength(), Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Token_expired_and_reset_through_the_control_api()
    {
        await Http.Http.PostAsync($"_sandbox/pages/{SandboxSeed.MainPageId}/token-expired", null);
        var expired = await Http.GetAsync("me");
        Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 5);

        await Http.Http.PostAsync("_sandbox/reset", null);
        var restored = await Http.GetAsync("me");

        Assert.That(expired.ErrorSubcode, Is.EqualTo(463));
        Assert.That(restored.IsError, Is.False);
        Assert.That(Graph.LeadCount(SandboxSeed.MainTestRideFormId), Is.EqualTo(30));
        Assert.That(Graph.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_state_page_shows_pages_forms_and_customers()
    {
        var html = await Http.Http.GetStringAsync("_sandbox");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.StartWith("<!doctype html>"));
            Assert.That(html, Does.Contain(SandboxSeed.MainPageName));
            Assert.That(html, Does.Contain(SandboxSeed.MainTestRideFormId));
            Assert.That(html, Does.Contain(SandboxSeed.CustomerWhoBlockedPagePsid));
            Assert.That(html, Does.Not.Match("<script(?![^>]*\\ssrc=)"), "no inline script: the console's script is a file of its own");
        }
    }

    [Test]
    public async Task The_control_api_does_not_appear_in_recorded_graph_requests()
    {
        await Http.Http.GetStringAsync("_sandbox/state");

        Assert.That(Graph.Requests, Is.Empty);
    }
}
