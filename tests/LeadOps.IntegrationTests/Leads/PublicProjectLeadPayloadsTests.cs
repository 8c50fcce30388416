using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Leadgen webhook bodies and Graph lead answers in the shapes other public projects keep as samples (repository and
/// file named on each test, as the source of the shape), ids and times moved to this test's page and clock, posted
/// signed to the real /webhook.
/// </summary>
public sealed class PublicProjectLeadPayloadsTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// The "TEST Lead Generation Notification" of Meta's own sample, fbsamples/lead-ads-webhook-sample,
    /// <c>postman/FB Lead Ads (Part 1 - The Webhook).postman_collection.json</c>: CRLF line breaks, spaces after the
    /// closing brace, no <c>ad_id</c> or <c>adgroup_id</c>. The lead Graph answers is one Meta's Lead Ads Testing Tool
    /// makes, as integrators keep it (a Graph answer left in a comment of a public ASP.NET webhook controller, whose
    /// repository the code index does not name: upper-case question keys <c>FULL_NAME</c>, <c>EMAIL</c>, <c>PHONE</c>,
    /// <c>GENDER</c>, <c>COMPANY_NAME</c>, every value "&lt;test lead: dummy data for …&gt;" but the e-mail
    /// <c>test@fb.com</c>). Stored once with every answer as Meta sent it and welcomed once, and the placeholder is not
    /// taken for the lead's first name.
    /// </summary>
    [Test]
    public async Task A_testing_tool_lead_announced_as_metas_sample_does_is_stored_and_welcomed_once_without_a_placeholder_first_name()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.Options.WebhookDropRate = 1;
        var leadId = Graph.SubmitLead(SandboxSeed.MainTestRideFormId, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["FULL_NAME"] = ["<test lead: dummy data for FULL_NAME>"],
                ["EMAIL"] = ["test@fb.com"],
                ["PHONE"] = ["<test lead: dummy data for PHONE>"],
                ["GENDER"] = ["<test lead: dummy data for GENDER>"],
                ["COMPANY_NAME"] = ["<test lead: dummy data for COMPANY_NAME>"],
            },
        });
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        var now = DateTimeOffset.UtcNow;
        var sample = "{\r\n    \"object\":\"page\",\r\n    \"entry\":[\r\n        {\r\n            \"id\":\"" + SandboxSeed.MainPageId + "\",\r\n" +
            "            \"time\":" + now.ToUnixTimeSeconds() + ",\r\n            \"changes\":[\r\n                {\r\n                \"value\":{\r\n" +
            "                    \"form_id\":\"" + SandboxSeed.MainTestRideFormId + "\",\r\n                    \"leadgen_id\":\"" + leadId + "\",\r\n" +
            "                    \"created_time\":" + now.AddSeconds(-1).ToUnixTimeSeconds() + ",\r\n                    \"page_id\":\"" + SandboxSeed.MainPageId + "\"\r\n" +
            "                },\r\n                \"field\":\"leadgen\"\r\n                }\r\n            ]\r\n        }\r\n    ]\r\n}  ";

        await PostAsync(sample);
        await PostAsync(sample);

        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/leads?source=webhook")).GetProperty("leads").EnumerateArray()
            .Where(l => l.GetProperty("facebook_lead_id").GetString() == leadId).ToList();
        Assert.That(stored, Has.Count.EqualTo(1), "the lead is stored, once");
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{stored[0].GetProperty("id").GetInt64()}");
        var answers = lead.GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => string.Join("|", a.GetProperty("values").EnumerateArray().Select(v => v.GetString())));
        await using var scope = App.ScopeFor(user.Id);
        var welcomes = await App.Db(scope).OutboxMessages.CountAsync(o => o.Lead!.FacebookLeadId == leadId && o.Kind == LeadOps.Domain.Leads.OutboxMessage.WelcomeKind);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("test@fb.com"));
            Assert.That(lead.GetProperty("name").GetString(), Is.EqualTo("<test lead: dummy data for FULL_NAME>"), "shown as Meta sent it: staff see a test lead");
            Assert.That(lead.GetProperty("first_name").ValueKind, Is.EqualTo(JsonValueKind.Null), "not \"<test\"");
            Assert.That(answers["GENDER"], Is.EqualTo("<test lead: dummy data for GENDER>"));
            Assert.That(answers["COMPANY_NAME"], Is.EqualTo("<test lead: dummy data for COMPANY_NAME>"));
            Assert.That(welcomes, Is.EqualTo(1), "one welcome, whatever the replays");
        });
    }

    private async Task PostAsync(string body)
    {
        using var client = App.NewClient();
        using var response = await WebhookTests.PostSignedAsync(client, body, Graph.Options.AppSecret);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.DrainAsync();
    }
}
