using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// frappe/crm, <c>crm/lead_syncing/doctype/lead_sync_source/test_lead_sync_source.py</c>: its Meta lead sync reads a form's
/// <c>leads</c> edge and keeps, as fixtures, a lead whose <c>field_data</c> holds a field with no <c>values</c> at all
/// (<c>{"name": "inbox_url"}</c>, a key Meta adds to leads of forms with a Messenger follow-up; a mapped one too, <c>{"name":
/// "email"}</c>), and reads the same lead again on the next sync. Over the sandbox's leads edge (the page sends no
/// webhooks): such a lead beside one whose answers hold several values or none, with and without
/// <c>custom_disclaimer_responses</c>. A retrieval run stores each once with every answer as Graph sent it, the e-mail from
/// the answer that has one, and a second run finds them all existing.
/// </summary>
public sealed class FrappeCrmLeadSyncShapesTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly string Form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task Leads_with_fields_without_values_several_values_and_no_consents_are_stored_once_each_by_a_retrieval()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var withoutValues = Graph.SubmitLead(Form, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = ["Meta Lead 222"], ["inbox_url"] = null!, ["email"] = null!, ["email_2"] = [], // null: sent without "values"
            },
            Consents = new Dictionary<string, object>(), // no custom_disclaimer_responses
        });
        var severalValues = Graph.SubmitLead(Form, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = ["Meta Lead 333"], ["email"] = ["", "lead333@example.test"], ["which_services"] = ["servicing", "tyres", "brakes"],
            },
            Consents = new Dictionary<string, object> { ["optional_1"] = "1", ["optional_2"] = "" },
        });

        var first = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);
        var again = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);

        var lead222 = await StoredAsync(api, withoutValues);
        var lead333 = await StoredAsync(api, severalValues);
        Assert.Multiple(() =>
        {
            Assert.That(StatusesOf(first), Is.EqualTo(new Dictionary<string, string> { [withoutValues] = "created", [severalValues] = "created" }));
            Assert.That(StatusesOf(again), Is.EqualTo(new Dictionary<string, string> { [withoutValues] = "existing", [severalValues] = "existing" }), "read again, stored once");
            Assert.That(AnswersOf(lead222), Is.EqualTo(new[] { ("full_name", "Meta Lead 222"), ("inbox_url", ""), ("email", ""), ("email_2", "") }), "every answer, those without values kept empty");
            Assert.That(lead222.GetProperty("email").ValueKind, Is.EqualTo(JsonValueKind.Null), "an answer without values gives no e-mail");
            Assert.That(lead222.GetProperty("consents").GetArrayLength(), Is.Zero);
            Assert.That(AnswersOf(lead333), Is.EqualTo(new[] { ("full_name", "Meta Lead 333"), ("email", "|lead333@example.test"), ("which_services", "servicing|tyres|brakes") }));
            Assert.That(lead333.GetProperty("email").GetString(), Is.EqualTo("lead333@example.test"), "the first value that says something");
            Assert.That(lead333.GetProperty("consents").EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("checked").GetBoolean())),
                Is.EqualTo(new[] { ("optional_1", true), ("optional_2", false) }));
        });
    }

    private static Dictionary<string, string> StatusesOf(JsonElement run) => run.GetProperty("data").GetProperty("processed_leads").EnumerateArray()
        .ToDictionary(p => p.GetProperty("facebook_lead_id").GetString()!, p => p.GetProperty("status").GetString()!);

    private static IEnumerable<(string, string)> AnswersOf(JsonElement lead) => lead.GetProperty("answers").EnumerateArray()
        .Select(a => (a.GetProperty("name").GetString()!, string.Join("|", a.GetProperty("values").EnumerateArray().Select(v => v.GetString()))));

    private static async Task<JsonElement> StoredAsync(HttpClient api, string leadId)
    {
        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={Form}")).GetProperty("leads").EnumerateArray()
            .Where(l => l.GetProperty("facebook_lead_id").GetString() == leadId).ToList();
        Assert.That(listed, Has.Count.EqualTo(1), $"lead {leadId} is stored once");
        return await api.GetFromJsonAsync<JsonElement>($"/api/leads/{listed[0].GetProperty("id").GetInt64()}");
    }
}
