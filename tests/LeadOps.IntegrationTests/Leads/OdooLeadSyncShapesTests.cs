using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// OpenAT/online <c>addons-own/fso_crm_facebook_leads/tests/test_phone_petition.py</c>: its fixtures are leads of a form's
/// <c>leads</c> edge as <c>{"id","field_data"}</c>, no <c>created_time</c>, a <c>full_name</c> and a <c>phone_number</c>
/// written with spaces and a country code (<c>+43 3172 1234567</c>), two of them with the same phone. Over the sandbox's
/// leads edge (the page sends no webhooks): a retrieval stores each once, with its phone as sent, says that nobody told
/// when it was created, and a second run finds both existing.
/// </summary>
public sealed class OdooLeadSyncShapesTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly string Form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task Leads_without_created_time_sharing_a_spaced_phone_are_stored_once_each_and_say_their_time_is_unknown()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var ids = new[] { "Max Mustermann", "Erika Mustermann" }.Select(name => Graph.SubmitLead(Form, new SandboxLead
        {
            CreatedTimeAs = CreatedTimeForm.Missing,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = [name], ["phone_number"] = ["+43 3172 1234567"] },
            Consents = new Dictionary<string, object>(),
        })).ToList();

        var first = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);
        var again = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);

        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={Form}")).GetProperty("leads").EnumerateArray().ToList();
        Assert.That(listed.Select(l => l.GetProperty("facebook_lead_id").GetString()), Is.EquivalentTo(ids), "each stored, once");
        var leads = new List<JsonElement>();
        foreach (var item in listed)
        {
            leads.Add(await api.GetFromJsonAsync<JsonElement>($"/api/leads/{item.GetProperty("id").GetInt64()}"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(StatusesOf(first), Is.EquivalentTo(new[] { "created", "created" }));
            Assert.That(StatusesOf(again), Is.EquivalentTo(new[] { "existing", "existing" }));
            Assert.That(leads.Select(l => l.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "Max Mustermann", "Erika Mustermann" }));
            Assert.That(leads.Select(l => l.GetProperty("phone").GetString()), Is.EqualTo(new[] { "+43 3172 1234567", "+43 3172 1234567" }), "as sent");
            Assert.That(leads.Select(l => l.GetProperty("created_time_known").GetBoolean()), Is.EqualTo(new[] { false, false }), "no time given: the lead says so");
            Assert.That(leads.Select(l => l.GetProperty("created_time").GetDateTimeOffset() == l.GetProperty("first_seen_at").GetDateTimeOffset()), Is.All.True);
        });
    }

    private static IEnumerable<string> StatusesOf(JsonElement run) =>
        run.GetProperty("data").GetProperty("processed_leads").EnumerateArray().Select(p => p.GetProperty("status").GetString()!);
}
