using System.Text.Json;
using LeadOps.Domain.Common;
using SandboxSeed = LeadOps.GraphSandbox.SandboxSeed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The webhook worker switched off on a node (<c>Webhooks:WorkerEnabled=false</c>), as the welcome, outgoing and
/// Conversions workers can be: the node still receives and stores Meta's deliveries, processes none of them, and says so
/// on /status; another node's worker processes what it stored.
/// </summary>
public sealed class WebhookWorkerSwitchTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new() { InitialLeadsPerForm = 0 })
        .WithSetting("Webhooks:WorkerEnabled", "false");

    [Test]
    public async Task A_node_with_the_webhook_worker_switched_off_stores_deliveries_processes_none_and_says_so()
    {
        var (_, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId);
        using var disposeApi = api;
        using (var client = App.NewClient())
        using (var posted = await WebhookTests.PostSignedAsync(client, LeadgenDeliveries.Body([(SandboxSeed.MainPageId, SandboxSeed.MainTestRideFormId, leadId)]), Graph.Options.AppSecret))
        {
            Assert.That(posted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "received and stored");
        }

        // The worker says so from its own start, on a background task: waited for, not raced.
        using var status = App.OperatorClient();
        string? detail = null;
        await HangGuard.UntilAsync("the webhook worker said it does not run here", async ct =>
        {
            using var response = await status.GetAsync("/status", ct);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            detail = json.RootElement.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("webhooks").GetProperty("detail").GetString();
            return detail?.StartsWith("not running", StringComparison.Ordinal) == true;
        });
        Assert.That(detail, Is.EqualTo("not running on this node (Webhooks:WorkerEnabled=false)"));

        // The worker said so and ended when the app started: nothing on this node processes the delivery.
        Assert.That(await DeliveriesAsync(leadId), Is.EqualTo(new[] { (WebhookDeliveryStatus.Pending, 0) }), "stored, not attempted");
        Assert.That(await LeadgenDeliveries.StoredAsync(api, leadId), Is.Empty);

        await App.DrainAsync(); // another node's worker
        Assert.That(await DeliveriesAsync(leadId), Is.EqualTo(new[] { (WebhookDeliveryStatus.Processed, 1) }));
        Assert.That(await LeadgenDeliveries.StoredAsync(api, leadId), Has.Count.EqualTo(1), "the lead is not lost");
    }

    private async Task<List<(WebhookDeliveryStatus Status, int Attempts)>> DeliveriesAsync(string leadId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await App.Db(scope).WebhookDeliveries.AsNoTracking().Where(d => d.Body.Contains(leadId)).Select(d => new { d.Status, d.Attempts }).ToListAsync())
            .Select(d => (d.Status, d.Attempts)).ToList();
    }
}
