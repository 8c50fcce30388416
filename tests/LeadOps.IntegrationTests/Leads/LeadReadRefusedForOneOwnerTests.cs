using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Two users who connected the same page each get its leads, each as its owner (ADR 0027). A Graph refusal of one
/// owner's lead read (throttled for now) is that owner's alone: the page's other owner gets the lead from the same
/// delivery, and only the refused owner's read waits for the delivery's next attempt (ADR 0005).
/// </summary>
public sealed class LeadReadRefusedForOneOwnerTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    // No pacing after the throttle (it is per page, and would wait on the fake clock): what is proved is who gets the lead.
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock)
        .WithSetting("Facebook:Resilience:MaxPacingDelay", "00:00:00");

    [Test]
    public async Task A_lead_read_Graph_refuses_for_one_owner_does_not_keep_the_pages_other_owner_from_the_lead()
    {
        var (_, refusedApi, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId);
        var other = await App.NewUserAsync();
        using var otherApi = App.ApiClient(other);
        await IntegrationsApiTests.ConnectAsync(otherApi, SandboxSeed.MainPageToken);
        // The first read of the lead is refused: the older integration's, whose owner the page's events go to first.
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = SandboxSeed.MainPageId, Kind = FaultKind.Throttle, Code = 80005, Times = 1 });

        await LeadgenDeliveries.PostAsync(App, Body(leadId));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await LeadgenDeliveries.StoredAsync(otherApi, leadId), Has.Count.EqualTo(1), "the other owner gets the lead from the same delivery");
            Assert.That(await LeadgenDeliveries.StoredAsync(refusedApi, leadId), Is.Empty, "the refused read waits for the retry");
            Assert.That(await LeadgenDeliveries.UnfinishedDeliveriesAsync(App), Is.EqualTo(1), "the delivery is kept for the refused owner");
        });

        _clock.Advance(TimeSpan.FromMinutes(6)); // past Graph's estimated_time_to_regain_access
        await App.DrainAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await LeadgenDeliveries.StoredAsync(refusedApi, leadId), Has.Count.EqualTo(1), "read on the retry");
            Assert.That(await LeadgenDeliveries.StoredAsync(otherApi, leadId), Has.Count.EqualTo(1), "still once");
            Assert.That(await LeadgenDeliveries.UnfinishedDeliveriesAsync(App), Is.Zero);
        });
        refusedApi.Dispose();
    }

    private string Body(string leadId)
    {
        var created = _clock.GetUtcNow().ToUnixTimeSeconds();
        return $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":{{{created}}},"changes":[{"field":"leadgen","value":{"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainTestRideFormId}}}","created_time":{{{created}}}}}]}]}
            """;
    }
}
