using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A lead whose <c>is_organic</c> Graph sends as text (<c>"true"</c>/<c>"false"</c>) rather than the boolean Meta's Lead
/// reference types it as (the sandbox's <see cref="SandboxLead.IsOrganicAsText"/>), read by a leadgen webhook and by a
/// retrieval over the real app: the lead is stored once, with its answers, and the flag read as Graph meant it.
/// </summary>
public sealed class OrganicFlagAsTextTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [TestCase(true, TestName = "A_webhook_lead_whose_is_organic_is_the_text_true_is_stored_once_as_organic")]
    [TestCase(false, TestName = "A_webhook_lead_whose_is_organic_is_the_text_false_is_stored_once_as_from_an_ad")]
    public async Task A_webhook_lead_whose_is_organic_is_text_is_stored_once_with_the_flag_read(bool organic)
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId, new SandboxLead
        {
            IsOrganic = organic,
            IsOrganicAsText = true,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Ana Lima"], ["email"] = ["ana@example.com"] },
        });
        var now = DateTimeOffset.UtcNow;
        var sample = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":{{{now.ToUnixTimeSeconds()}}},"changes":[{"field":"leadgen","value":
            {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}","created_time":{{{now.AddMinutes(-1).ToUnixTimeSeconds()}}}}}]}]}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, sample);

        Assert.Multiple(async () =>
        {
            Assert.That(lead.GetProperty("is_organic").GetBoolean(), Is.EqualTo(organic));
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("ana@example.com"));
            Assert.That(await LeadgenDeliveries.WelcomesAsync(App, user, leadId), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_retrieval_reads_is_organic_sent_as_text_on_every_lead_of_the_page()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];
        var organic = Graph.SubmitLead(form, new SandboxLead { IsOrganic = true, IsOrganicAsText = true });
        var fromAnAd = Graph.SubmitLead(form, new SandboxLead { IsOrganic = false, IsOrganicAsText = true });

        var body = await RetrievalApiTests.RetrieveAsync(api, form, integrationId);

        var processed = body.GetProperty("data").GetProperty("processed_leads").EnumerateArray()
            .ToDictionary(p => p.GetProperty("facebook_lead_id").GetString()!, p => p);
        var flags = new Dictionary<string, bool>();
        foreach (var id in new[] { organic, fromAnAd })
        {
            Assert.That(processed[id].GetProperty("status").GetString(), Is.EqualTo("created"), id);
            var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{processed[id].GetProperty("lead_id").GetInt64()}");
            flags[id] = lead.GetProperty("is_organic").GetBoolean();
        }

        Assert.That(flags, Is.EqualTo(new Dictionary<string, bool> { [organic] = true, [fromAnAd] = false }));
    }
}
