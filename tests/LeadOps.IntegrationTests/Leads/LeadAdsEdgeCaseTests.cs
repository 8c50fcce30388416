using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>Lead Ads answers that leave out what Meta's answers normally carry: the lead is still kept, once and whole.</summary>
public sealed class LeadAdsEdgeCaseTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// The lead read a leadgen webhook makes (<c>GET /{lead-id}</c>) answered without the echo of the lead's <c>id</c>: the
    /// webhook already named the lead, so it is stored under that id with its answers, welcomed, and not put on the sync
    /// history as a lead that could not be read.
    /// </summary>
    [Test]
    public async Task A_webhook_lead_whose_read_answer_has_no_id_is_stored_under_the_announced_leadgen_id()
    {
        var form = SandboxSeed.MainServiceFormId;
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, form, new SandboxLead
        {
            ReadWithoutId = true,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Rita Sousa"], ["email"] = ["rita@example.com"] },
        });
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1765000000,"changes":[{"field":"leadgen","value":
              {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{form}}}","created_time":1765000000}}]}]}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        using var browser = await App.SignedInClientAsync(user);
        var history = await browser.GetStringAsync("/Leads/Runs");
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(Graph.Requests.Any(r => r.Path.EndsWith($"/{leadId}", StringComparison.Ordinal)), Is.True, "the lead was read from Graph");
            Assert.That(lead.GetProperty("facebook_lead_id").GetString(), Is.EqualTo(leadId));
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("rita@example.com"));
            Assert.That(history, Does.Not.Contain(leadId), "not on the sync history as a lead that could not be read");
            Assert.That(welcomes, Is.EqualTo(1), "welcomed once");
        });
    }
}
