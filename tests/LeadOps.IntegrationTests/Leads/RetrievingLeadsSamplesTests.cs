using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Leadgen deliveries in the forms Meta's "Retrieving Leads" guide (marketing-api/guides/lead-ads/retrieving) and public
/// projects' own test scripts write them, posted signed to /webhook over the real app with the sandbox as Graph: every
/// lead they name is stored once, whatever the form of the body, and the deliveries are worked off.
/// </summary>
public sealed class RetrievingLeadsSamplesTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// "Retrieving Leads", Webhooks, "Webhook Response": the guide prints the body as a PHP array inside a <c>json</c> block,
    /// <c>"entry" => array("0" => array(…, "changes" => array("0" => array(…), "1" => array(…))))</c>, ids as numbers; written
    /// as JSON that is <c>"entry":{"0":{…}}</c> and <c>"changes":{"0":{…},"1":{…}}</c>. Both leads of the one entry are
    /// stored, once each, however often the body comes.
    /// </summary>
    [Test]
    public async Task The_guides_webhook_response_with_entries_and_changes_keyed_0_and_1_stores_both_leads_once()
    {
        var (_, api, first) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var second = await SilentLeadAsync(SandboxSeed.MainServiceFormId);
        var (page, form) = (SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            {
              "object": "page",
              "entry": {
                "0": {
                  "id": {{{page}}},
                  "time": 1438292065,
                  "changes": {
                    "0": {
                      "field": "leadgen",
                      "value": {
                        "leadgen_id": {{{first}}},
                        "page_id": {{{page}}},
                        "form_id": {{{form}}},
                        "adgroup_id": 12312312312,
                        "ad_id": 12312312312,
                        "created_time": 1440120384
                      }
                    },
                    "1": {
                      "field": "leadgen",
                      "value": {
                        "leadgen_id": {{{second}}},
                        "page_id": {{{page}}},
                        "form_id": {{{form}}},
                        "adgroup_id": 12312312312,
                        "ad_id": 12312312312,
                        "created_time": 1440120384
                      }
                    }
                  }
                }
              }
            }
            """;

        await LeadgenDeliveries.PostAsync(App, body);
        await LeadgenDeliveries.PostAsync(App, body);

        var stored = (await LeadgenDeliveries.StoredAsync(api, first)).Count + (await LeadgenDeliveries.StoredAsync(api, second)).Count;
        var unfinished = await LeadgenDeliveries.UnfinishedDeliveriesAsync(App);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(2), "each of the two leads, once");
            Assert.That(unfinished, Is.Zero, "both deliveries are worked off");
        });
    }

    /// <summary>
    /// A public project's test script (conectasys <c>facebook/test_webhook.php</c>, "Envia uma requisição POST simulada para o seu
    /// webhook do Facebook Lead Ads"), and receivers' published body models (kit19 and tymesa.ec API help pages) leave out the
    /// change's <c>field</c>: <c>{"entry":[{"id":"&lt;page&gt;","changes":[{"value":{"leadgen_id":"…","form_id":"…"}}]}]}</c>, no
    /// <c>object</c> or <c>time</c> either. A change with no field whose value names a <c>leadgen_id</c> is a lead: stored once.
    /// </summary>
    [Test]
    public async Task A_change_without_a_field_whose_value_names_a_leadgen_id_is_stored_once()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            {"entry":[{"id":"{{{SandboxSeed.MainPageId}}}","changes":[{"value":{"leadgen_id":"{{{leadId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}"}}]}]}
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
    /// A public project's model of the leadgen body (wayto66/javelyn, <c>src/webhooks/dto/index.ts</c>: <c>entry: { id; time; changes:
    /// ILeadgenChange[] }</c>) has one entry object where Meta sends a list of them, and so do the bodies built from it. One object
    /// where a list belongs is read as a list of that one: the lead is stored once.
    /// </summary>
    [Test]
    public async Task An_entry_sent_as_one_object_instead_of_a_list_is_stored_once()
    {
        var (_, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            {"object":"page","entry":{"id":"{{{SandboxSeed.MainPageId}}}","time":1765000000,"changes":[{"field":"leadgen","value":
              {"ad_id":"444444444","form_id":"{{{SandboxSeed.MainServiceFormId}}}","leadgen_id":"{{{leadId}}}","created_time":1765000000,"page_id":"{{{SandboxSeed.MainPageId}}}","adgroup_id":"44444444"}}]}}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
    }

    /// <summary>
    /// The lead a leadgen webhook makes LeadOps read (<c>GET /{lead-id}</c>) answered as "Retrieving Leads" prints its leads, with a
    /// comma after the last item of each list (<c>FaultKind.TrailingCommas</c>): the lead is stored once with every answer and
    /// its consents, and welcomed once; it is not put on the sync history as a lead that could not be read.
    /// </summary>
    [Test]
    public async Task A_lead_read_answered_with_trailing_commas_is_stored_once_with_every_answer()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["car_make"] = ["Honda"], ["full_name"] = ["Joe Example"], ["email"] = ["joe@example.com"], ["selected_dealer"] = ["99213450"],
            },
            Consents = new Dictionary<string, object> { ["optional_1"] = "1", ["optional_2"] = "" },
        });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, FormId = SandboxSeed.MainServiceFormId, Kind = FaultKind.TrailingCommas });
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1765000000,"changes":[{"field":"leadgen","value":
              {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}","created_time":1765000000}}]}]}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        var answers = lead.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(Graph.Faults.Single().Fired, Is.GreaterThan(0), "the lead was read with the commas");
            Assert.That(answers, Is.EqualTo(new[] { "car_make", "full_name", "email", "selected_dealer" }));
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("joe@example.com"));
            Assert.That(lead.GetProperty("consents").GetArrayLength(), Is.EqualTo(2));
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>One more lead of <paramref name="formId"/> whose own webhook never arrives.</summary>
    private async Task<string> SilentLeadAsync(string formId)
    {
        Graph.Options.WebhookDropRate = 1;
        var id = Graph.SubmitLeads(formId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        return id;
    }
}
