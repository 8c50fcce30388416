using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A lead listed on a form's <c>leads</c> edge without an <c>id</c> (a shape Meta does not document): there is no id to
/// store it under, and none is made up, but it never vanishes silently: the run counts it as failed and says why.
/// </summary>
public sealed class LeadListedWithoutIdTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>A form of the page that sends no webhooks: what is stored here, retrieval stored.</summary>
    private static readonly string Form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_lead_listed_without_an_id_is_counted_as_failed_with_its_reason_and_nothing_is_stored_for_it()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        Graph.SubmitLead(Form, new SandboxLead
        {
            ListedWithoutId = true,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["email"] = ["no-id@example.com"] },
        });
        var usual = Graph.SubmitLead(Form, new SandboxLead());

        var body = await RetrievalApiTests.RetrieveAsync(api, Form, integrationId);

        var data = body.GetProperty("data");
        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        var runLeads = (await api.GetFromJsonAsync<JsonElement>($"/api/facebook-lead-retrieval/runs/{run.GetProperty("id").GetInt64()}"))
            .GetProperty("processed_leads").EnumerateArray().ToList();
        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.GetProperty("total_processed").GetInt32(), Is.EqualTo(2), body.ToString());
            Assert.That(data.GetProperty("new_leads").GetInt32(), Is.EqualTo(1), body.ToString());
            Assert.That(data.TryGetProperty("failed_leads", out var failedLeads) ? failedLeads.GetInt32() : 0, Is.EqualTo(1), body.ToString());
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("1 failed"));
            var failed = data.GetProperty("processed_leads").EnumerateArray().Where(p => p.GetProperty("status").GetString() == "failed").ToList();
            Assert.That(failed, Has.Count.EqualTo(1), body.ToString());
            Assert.That(failed.Select(p => p.GetProperty("facebook_lead_id").GetString()), Is.EqualTo(new[] { string.Empty }), "no id is made up");
            Assert.That(failed.Select(p => p.GetProperty("error").GetString()), Has.One.Contains("no lead id to store it under"));
            Assert.That(run.GetProperty("failed_leads").GetInt32(), Is.EqualTo(1), run.ToString());
            Assert.That(run.GetProperty("total_processed").GetInt32(), Is.EqualTo(2), run.ToString());
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("CompletedWithFailures"), run.ToString());
            Assert.That(
                runLeads.Count(p => p.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString()!.Contains("no lead id to store it under", StringComparison.Ordinal)),
                Is.EqualTo(1), "the run's page lists it with why");
            Assert.That(stored, Is.EqualTo(new[] { usual }), "only the lead with an id is stored");
        }
    }
}
