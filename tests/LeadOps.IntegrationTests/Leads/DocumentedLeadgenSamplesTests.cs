using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Leadgen webhook bodies exactly as Meta's pages print them, posted signed to /webhook over the real app: the lead is
/// fetched from the sandbox and stored once, whatever else the body carries.
/// </summary>
public sealed class DocumentedLeadgenSamplesTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// The Webhooks reference, Page object, <c>leadgen</c> field (developers.facebook.com/docs/graph-api/webhooks/reference/page/#leadgen)
    /// prints its sample as one bare change, <c>{"field":"leadgen","value":{…}}</c>, ids as strings and created_time a number.
    /// </summary>
    [Test]
    public async Task The_leadgen_reference_sample_as_a_bare_change_is_stored_once_and_a_replay_is_deduplicated()
    {
        var (_, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var created = DateTimeOffset.UtcNow.AddMinutes(-3);
        var sample = $$"""
            {
              "field": "leadgen",
              "value": {
                "ad_id": "444444444",
                "form_id": "{{SandboxSeed.MainServiceFormId}}",
                "leadgen_id": "{{leadId}}",
                "created_time": {{created.ToUnixTimeSeconds()}},
                "page_id": "{{SandboxSeed.MainPageId}}",
                "adgroup_id": "44444444"
              }
            }
            """;

        await LeadgenDeliveries.PostAsync(App, sample);
        await LeadgenDeliveries.PostAsync(App, sample);

        var stored = await LeadgenDeliveries.StoredAsync(api, leadId);
        Assert.That(stored, Has.Count.EqualTo(1), "the lead is stored, once");
        Assert.That(stored[0].GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
        Assert.That(await LeadgenDeliveries.UnfinishedDeliveriesAsync(App), Is.Zero, "both deliveries are worked off, none left to retry or failed");
    }

    /// <summary>
    /// One POST as Meta batches it: the App Dashboard's Test button's change (entry id "0", a lead id 444444444 that Graph
    /// does not know, on a page no integration has), a real page's entry holding another field's change (<c>feed</c>) and
    /// a Messenger message, and a leadgen change with numbers for ids (beyond a double's precision) and its created_time
    /// in milliseconds, for a lead whose Graph answer has no created_time.
    /// </summary>
    [Test]
    public async Task A_batch_with_the_dashboards_test_change_other_page_fields_and_a_real_lead_stores_the_real_lead_at_the_announced_time()
    {
        var announced = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds());
        var (_, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId, new SandboxLead { CreatedTimeAs = CreatedTimeForm.Missing, CreatedTime = announced });
        var page = SandboxSeed.MainPageId;
        var millis = announced.ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[
              {"id":"0","time":1765000000,"changes":[{"field":"leadgen","value":{"ad_id":"444444444","form_id":"444444444","leadgen_id":"444444444","created_time":1765000000,"page_id":"444444444","adgroup_id":"44444444"}}]},
              {"id":"{{{page}}}","time":{{{millis}}},"changes":[
                {"field":"feed","value":{"item":"status","verb":"add","post_id":"{{{page}}}_1","message":"Open on Sunday"}},
                {"field":"leadgen","value":{"leadgen_id":{{{leadId}}},"page_id":{{{page}}},"form_id":{{{SandboxSeed.MainTestRideFormId}}},"adgroup_id":23842000000000001,"ad_id":23842000000000001,"created_time":{{{millis}}}}}
              ],"messaging":[{"sender":{"id":"7209000000000001"},"recipient":{"id":"{{{page}}}"},"timestamp":{{{millis}}},"message":{"mid":"m_batch_{{{leadId}}}","text":"Hi"}}]}
            ]}
            """;

        await LeadgenDeliveries.PostAsync(App, body);

        var stored = await LeadgenDeliveries.StoredAsync(api, leadId);
        Assert.That(stored, Has.Count.EqualTo(1), "the real lead is stored, once");
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{stored[0].GetProperty("id").GetInt64()}");
        var unfinished = await LeadgenDeliveries.UnfinishedDeliveriesAsync(App);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(announced), "the webhook's time, read from milliseconds");
            Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.True);
            Assert.That(unfinished, Is.Zero, "the delivery is worked off, not left to retry or failed");
        });
    }

    /// <summary>
    /// An organic lead ("Retrieving Leads": entries without Ad IDs or Adgroup IDs come from organic reach) announced as the
    /// "Webhooks for Leads" page prints the change, less its <c>ad_id</c> and <c>adgroup_id</c>; Graph's lead answers one
    /// question with several values, one with none, one with no <c>values</c> at all, and two consent boxes, the second
    /// unticked (<c>"is_checked": ""</c>, as "Reading Custom Disclaimer Responses" shows). Delivered twice.
    /// </summary>
    [Test]
    public async Task An_organic_lead_without_ad_ids_is_stored_once_with_every_answer_and_welcomed_once()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId, new SandboxLead
        {
            IsOrganic = true,
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = ["Joe Example"], ["email"] = ["joe@example.com"], ["which_services"] = ["servicing", "tyres"],
                ["phone_number"] = [], ["city"] = null!, // null: sent without "values"
            },
            Consents = new Dictionary<string, object> { ["my_checkbox"] = "1", ["my_checkbox_2"] = "" },
        });
        var sample = $$"""
            {
              "object": "page",
              "entry": [
                {
                  "id": "{{SandboxSeed.MainPageId}}",
                  "time": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
                  "changes": [
                    {
                      "field": "leadgen",
                      "value": {
                        "leadgen_id": {{leadId}},
                        "page_id": {{SandboxSeed.MainPageId}},
                        "form_id": {{SandboxSeed.MainServiceFormId}},
                        "created_time": {{DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}}
                      }
                    }
                  ]
                }
              ]
            }
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, sample);
        var answers = AnswersOf(lead);
        var consents = lead.GetProperty("consents").EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("checked").GetBoolean()));
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("is_organic").GetBoolean(), Is.True);
            Assert.That(lead.GetProperty("ad_id").ValueKind, Is.EqualTo(JsonValueKind.Null), "no ad");
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("joe@example.com"));
            Assert.That(answers["which_services"], Is.EqualTo("servicing|tyres"));
            Assert.That(answers.GetValueOrDefault("phone_number", ""), Is.Empty);
            Assert.That(answers.GetValueOrDefault("city", ""), Is.Empty);
            Assert.That(consents, Is.EqualTo(new[] { ("my_checkbox", true), ("my_checkbox_2", false) }));
            Assert.That(welcomes, Is.EqualTo(1), "one welcome, whatever the replays");
        });
    }

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
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId, new SandboxLead
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
        var now = DateTimeOffset.UtcNow;
        var sample = "{\r\n    \"object\":\"page\",\r\n    \"entry\":[\r\n        {\r\n            \"id\":\"" + SandboxSeed.MainPageId + "\",\r\n" +
            "            \"time\":" + now.ToUnixTimeSeconds() + ",\r\n            \"changes\":[\r\n                {\r\n                \"value\":{\r\n" +
            "                    \"form_id\":\"" + SandboxSeed.MainTestRideFormId + "\",\r\n                    \"leadgen_id\":\"" + leadId + "\",\r\n" +
            "                    \"created_time\":" + now.AddSeconds(-1).ToUnixTimeSeconds() + ",\r\n                    \"page_id\":\"" + SandboxSeed.MainPageId + "\"\r\n" +
            "                },\r\n                \"field\":\"leadgen\"\r\n                }\r\n            ]\r\n        }\r\n    ]\r\n}  ";

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, sample);
        var answers = AnswersOf(lead);
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
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

    /// <summary>The lead's answers by question key, several values joined with "|".</summary>
    private static Dictionary<string, string> AnswersOf(JsonElement lead) => lead.GetProperty("answers").EnumerateArray()
        .ToDictionary(a => a.GetProperty("name").GetString()!, a => string.Join("|", a.GetProperty("values").EnumerateArray().Select(v => v.GetString())));
}
