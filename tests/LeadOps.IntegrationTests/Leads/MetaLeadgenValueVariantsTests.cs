using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The leadgen change's <c>value</c> in the forms its <c>created_time</c> takes: Meta's Webhooks reference and "Webhooks
/// for Leads" print unix seconds as a number; public receivers also keep them as a string of digits, as an ISO time with
/// Graph's <c>+0000</c> or with <c>Z</c>, or leave the time out. Graph's lead answer has no created_time here, so the
/// webhook's time is the only one: it dates the lead when it is readable, and a lead announced without one is still
/// stored, dated when LeadOps first saw it and saying so. The value may also carry keys LeadOps does not know (objects,
/// lists, nulls, as Meta may add them): they are ignored and cost nothing.
/// </summary>
public sealed class MetaLeadgenValueVariantsTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [TestCase("number", TestName = "Created_time_as_unix_seconds")]
    [TestCase("digits", TestName = "Created_time_as_a_string_of_digits")]
    [TestCase("iso+0000", TestName = "Created_time_as_iso_with_graphs_offset")]
    [TestCase("isoZ", TestName = "Created_time_as_iso_with_Z")]
    [TestCase("missing", TestName = "Created_time_missing")]
    public async Task A_lead_whose_graph_answer_has_no_time_is_dated_by_the_webhooks_created_time_in_each_form(string form)
    {
        var announced = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-9).ToUnixTimeSeconds());
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(
            App, SandboxSeed.MainServiceFormId, new SandboxLead { CreatedTimeAs = CreatedTimeForm.Missing, CreatedTime = announced });
        var createdTime = form switch
        {
            "number" => $"\"created_time\": {announced.ToUnixTimeSeconds()},",
            "digits" => $"\"created_time\": \"{announced.ToUnixTimeSeconds()}\",",
            "iso+0000" => $"\"created_time\": \"{announced.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}+0000\",",
            "isoZ" => $"\"created_time\": \"{announced.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}Z\",",
            _ => string.Empty,
        };
        var body = $$"""
            {"object":"page","entry":[{"id":"{{SandboxSeed.MainPageId}}","time":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"changes":[{"field":"leadgen","value":{
              {{createdTime}}
              "leadgen_id":"{{leadId}}","page_id":"{{SandboxSeed.MainPageId}}","form_id":"{{SandboxSeed.MainServiceFormId}}"} } ] } ] }
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            if (form == "missing")
            {
                Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.False, "no one said when: the lead says so");
                Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(lead.GetProperty("first_seen_at").GetDateTimeOffset()));
            }
            else
            {
                Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.True, "the webhook said when");
                Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(announced));
            }

            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_value_carrying_keys_leadops_does_not_know_is_stored_once_as_graph_answers_it()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Rita Sousa"], ["email"] = ["rita@example.test"] },
            Consents = new Dictionary<string, object>(), // Graph sends no custom_disclaimer_responses
        });
        var body = $$"""
            {"object":"page","entry":[{"id":"{{SandboxSeed.MainPageId}}","time":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"changes":[{"field":"leadgen","value":{
              "ad_id":"0","form_id":"{{SandboxSeed.MainTestRideFormId}}","leadgen_id":"{{leadId}}","created_time":{{DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}},
              "page_id":"{{SandboxSeed.MainPageId}}","adgroup_id":"0","is_organic":true,"platform":null,
              "custom_disclaimer_responses":[{"checkbox_key":"optional_1","is_checked":"1"} ],
              "field_data":[{"name":null,"values":["x"]},{"name":"email"} ],
              "lead_source":{"type":"instant_form","ids":[1,2,3] },"retailer_item_id":{"id":12345678901234567890 },"extra":[[], {}, null]} } ] } ] }
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("name").GetString(), Is.EqualTo("Rita Sousa"), "Graph's answers");
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("rita@example.test"));
            Assert.That(lead.GetProperty("consents").GetArrayLength(), Is.Zero, "Graph's consents (none), not the body's");
        });
        Assert.That(await LeadgenDeliveries.WelcomesAsync(App, user, leadId), Is.EqualTo(1));
    }
}
