using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Leadgen webhook bodies and Graph answers as public projects that receive Lead Ads keep them (their READMEs, API notes and
/// issue threads), posted signed to /webhook over the real app with the sandbox as Graph: each lead is stored once with
/// its answers, welcomed once, and the delivery is worked off.
/// </summary>
public sealed class PublicLeadgenShapesTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// prasanth202-blip/CRMPROJECT, <c>FACEBOOKWEBHOOKAPIDOCUMENTATION.md</c> ("Minimal Payload"): the change's value names the
    /// lead and its created_time as an ISO string with a colon-less offset (<c>"2025-01-02T10:10:10+0000"</c>, as Graph writes
    /// a lead's), has no <c>page_id</c> or <c>form_id</c> (the entry's id is the page) and carries answers of its own. The
    /// lead Graph answers has no created_time: the announced time is the lead's, and the answers are Graph's.
    /// </summary>
    [Test]
    public async Task A_change_announcing_its_created_time_as_an_iso_string_dates_the_lead_by_it()
    {
        var announced = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-7).ToUnixTimeSeconds());
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId, new SandboxLead
        {
            CreatedTimeAs = CreatedTimeForm.Missing,
            CreatedTime = announced,
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["first_name"] = ["Mahi"], ["last_name"] = ["Reddy"], ["phone_number"] = ["9876543210"], ["bhk"] = ["3 BHK"],
            },
        });
        var body = $$"""
            {
              "object": "page",
              "entry": [{
                "id": "{{SandboxSeed.MainPageId}}",
                "time": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
                "changes": [{
                  "field": "leadgen",
                  "value": {
                    "leadgen_id": "{{leadId}}",
                    "created_time": "{{announced.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}}+0000",
                    "field_data": [
                      { "name": "first_name", "values": ["Someone"] },
                      { "name": "phone_number", "values": ["0000000000"] }
                    ]
                  }
                }]
              }]
            }
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(announced), "the webhook's own time");
            Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.True);
            Assert.That(lead.GetProperty("name").GetString(), Is.EqualTo("Mahi Reddy"), "the answers are Graph's, not the body's");
            Assert.That(lead.GetProperty("phone").GetString(), Is.EqualTo("9876543210"));
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainTestRideFormId), "the form Graph names");
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// keerthys19/fb-graph-mongo, <c>README.md</c> ("Log Incoming Webhook Payload"), what its server logged from the Lead Ads
    /// Testing Tool: no <c>object</c>, an entry with neither <c>id</c> nor <c>time</c>, a value with the lead, form and page only.
    /// </summary>
    [Test]
    public async Task A_body_without_object_entry_id_or_time_is_stored_by_the_page_its_value_names()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = $$"""
            {
              "entry": [{
                "changes": [{
                  "field": "leadgen",
                  "value": {
                    "leadgen_id": "{{leadId}}",
                    "form_id": "{{SandboxSeed.MainServiceFormId}}",
                    "page_id": "{{SandboxSeed.MainPageId}}"
                  }
                }]
              }]
            }
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
            Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.True, "Graph's time");
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// restfb/restfb issue #660: a leadgen body whose value names another page (<c>"page_id":12345</c>, beside
    /// <c>ad_id</c> and <c>adgroup_id</c> 0) than the entry it came in. Meta names the same page in both; when only the
    /// entry's page is connected the lead is stored for it, once, rather than the delivery noted as for an unknown page.
    /// </summary>
    [Test]
    public async Task A_change_whose_value_names_an_unknown_page_is_stored_for_the_entrys_page()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1502809024,"changes":[{"field":"leadgen","value":
              {"ad_id":0,"form_id":{{{SandboxSeed.MainServiceFormId}}},"leadgen_id":{{{leadId}}},"created_time":1502809024,"page_id":12345,"adgroup_id":0}}]}]}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// facebook/facebook-python-business-sdk issue #217: a lead whose custom question's key is the question itself in
    /// Chinese (<c>"\u8acb\u5354\u52a9…"</c>, escaped as Graph sends it), beside <c>gender</c> and <c>phone_number</c>, and
    /// none of the campaign fields asked for. Every answer is kept under its key as sent.
    /// </summary>
    [Test]
    public async Task A_lead_whose_question_key_is_a_sentence_in_chinese_keeps_every_answer()
    {
        const string Question = "請協助留下您的真實中文姓名，方便後續聯絡作業";
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                [Question] = ["王小明"], ["gender"] = ["male"], ["phone_number"] = ["0900111222"],
            },
        });

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, DocumentedSample(leadId, SandboxSeed.MainServiceFormId));
        var answers = lead.GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("values")[0].GetString());
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(answers[Question], Is.EqualTo("王小明"));
            Assert.That(answers["gender"], Is.EqualTo("male"));
            Assert.That(lead.GetProperty("phone").GetString(), Is.EqualTo("0900111222"));
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// facebookarchive/php-graph-sdk issue #1121: a lead read for a leadgen id that is not a number (there the template's
    /// <c>{leadgen_id}</c>, left in) is answered "(#803) Some of the aliases you requested do not exist: {leadgen_id}", as the
    /// sandbox now answers it. Like 100/33 on a lead read, it is the lead that is not there: the lead is on the sync history
    /// with that reason, the integration keeps its status and last error, and the delivery is worked off.
    /// </summary>
    [Test]
    public async Task A_leadgen_id_graph_answers_with_803_goes_on_the_history_and_leaves_the_integration_as_it_was()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt64();
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        const string LeadgenId = "{leadgen_id}";

        await LeadgenDeliveries.PostAsync(App, DocumentedSample(LeadgenId, SandboxSeed.MainServiceFormId));

        var (integration, history, unfinished) = await LeadgenDeliveries.AfterRefusedReadAsync(App, user, api, integrationId);
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo(before.GetProperty("status").GetString()));
            Assert.That(integration.GetProperty("last_error").ToString(), Is.EqualTo(before.GetProperty("last_error").ToString()), "no error put on a healthy integration");
            Assert.That(history, Does.Contain("the lead does not exist"), "the lead is on the sync history, with the reason");
            Assert.That(unfinished, Is.Zero, "handled, not retried");
        });
    }

    /// <summary>
    /// A lead read Graph refuses for a missing permission in words other than error 200's: code 100 naming it, "Object
    /// does not exist, cannot be loaded due to missing permission or reviewable feature … This endpoint requires the
    /// 'pages_read_engagement' permission …" (n8n-io/n8n issue #24736), or code 3, "API Method: Capability or permissions
    /// issue" in Meta's error table (graph-api/guides/error-handling), "(#3) Application does not have the capability to
    /// make this API call."; or in the older words "(#298) Requires extended permission: read_mailbox" (SammyK/FacebookQueryBuilder,
    /// <c>tests/FacebookQueryBuilderExceptionTest.php</c>). It is the permission that is missing, not the lead: the integration says so (naming the
    /// permission when Graph does), the lead is on the sync history, and the delivery is not retried for ever.
    /// </summary>
    [TestCase(100, "pages_read_engagement", TestName = "A_lead_read_refused_with_code_100_naming_a_permission_marks_that_permission_missing")]
    [TestCase(3, null, TestName = "A_lead_read_refused_with_code_3_marks_a_permission_missing")]
    [TestCase(298, "leads_retrieval", TestName = "A_lead_read_refused_with_requires_extended_permission_names_that_permission")]
    public async Task A_lead_read_refused_for_a_missing_permission_in_other_words_marks_the_integration(int code, string? permission)
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var integrationId = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").EnumerateArray().Single().GetProperty("id").GetInt64();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = SandboxSeed.MainPageId, Kind = FaultKind.PermissionMissing, Code = code, Permission = permission });

        await LeadgenDeliveries.PostAsync(App, DocumentedSample(leadId, SandboxSeed.MainServiceFormId));

        var (integration, history, unfinished) = await LeadgenDeliveries.AfterRefusedReadAsync(App, user, api, integrationId);
        var missing = integration.GetProperty("missing_permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("missing_permission"));
            Assert.That(missing, permission is null ? Is.Not.Empty : Does.Contain(permission));
            Assert.That(history, Does.Contain(leadId), "the lead that could not be read is on the sync history");
            Assert.That(history, Does.Not.Contain("the lead does not exist"), "not taken for a lead that is gone");
            Assert.That(unfinished, Is.Zero, "handled, not retried for ever");
        });
    }

    /// <summary>
    /// rudderlabs/rudder-transformer, <c>test/integrations/sources/facebook_lead_ads_native/data.ts</c> ("Multiple entries with multiple
    /// changes"): two entries in one delivery, the first with a <c>leadgen</c> change that has no <c>value</c> beside a real one, the
    /// second for a page no integration knows; and the same fixtures' bodies with an empty <c>entry</c>, no <c>entry</c>, empty or
    /// missing <c>changes</c>. The real lead is stored and welcomed once, every delivery is answered 200 and worked off.
    /// </summary>
    [Test]
    public async Task A_delivery_mixing_a_change_without_value_and_another_pages_entry_stores_the_real_lead_once()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1758794733,"changes":[{"field":"leadgen"},{"field":"leadgen","value":
            {"created_time":1758794728,"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}"}}]},
            {"id":"112464600187557","time":1758794735,"changes":[{"field":"leadgen","value":{"created_time":1758794732,"leadgen_id":"1459076748710715","page_id":"112464600187557","form_id":"1616801872291123"}}]}]}
            """;
        string[] empty =
        [
            """{"object":"page","entry":[]}""", """{"object":"page"}""",
            """{"object":"page","entry":[{"id":"112464600187556","time":1758794733,"changes":[]}]}""",
            """{"object":"page","entry":[{"id":"112464600187556","time":1758794733}]}""",
        ];

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        foreach (var nothing in empty)
        {
            await LeadgenDeliveries.PostAsync(App, nothing);
        }

        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        var unfinished = await LeadgenDeliveries.UnfinishedDeliveriesAsync(App);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
            Assert.That(welcomes, Is.EqualTo(1));
            Assert.That(unfinished, Is.Zero);
        });
    }

    /// <summary>The "Webhooks for Leads" sample for one lead of the main page: ids as strings, created_time in seconds.</summary>
    private static string DocumentedSample(string leadId, string formId) => $$$"""
        {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"changes":[{"field":"leadgen","value":
        {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{formId}}}","created_time":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}}}]}]}
        """;
}
