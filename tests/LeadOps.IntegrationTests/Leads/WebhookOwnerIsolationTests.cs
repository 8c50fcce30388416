using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DeliveryStatus = LeadOps.Domain.Common.WebhookDeliveryStatus;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A delivery's events go to every integration of their page, each as its owner. One integration whose event fails in
/// a way no retry of Graph explains (here its token cannot be unprotected) must not cost the other owners their leads:
/// they are stored on the first attempt, and only the delivery's retry is left for the one that failed.
/// </summary>
public sealed class WebhookOwnerIsolationTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task An_integration_whose_event_fails_does_not_keep_the_same_pages_other_owner_from_its_lead()
    {
        var broken = await App.NewUserAsync();
        var working = await App.NewUserAsync();
        using var brokenApi = App.ApiClient(broken);
        using var workingApi = App.ApiClient(working);
        // Connected first, so it is routed to first.
        var brokenId = (await IntegrationsApiTests.ConnectAsync(brokenApi, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        await IntegrationsApiTests.ConnectAsync(workingApi, SandboxSeed.MainPageToken);
        await using (var scope = App.ScopeFor(broken.Id))
        {
            // A token the key ring cannot unprotect (written under keys since lost).
            await App.Db(scope).Integrations.Where(i => i.Id == brokenId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, "CfDJ8not-a-protected-token"));
        }

        var leadId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        var delivery = await HangGuard.WaitAsync("the delivery's first attempt", async ct =>
        {
            while (true)
            {
                await using var scope = App.Services.CreateAsyncScope();
                if (await App.Db(scope).WebhookDeliveries.AsNoTracking().Where(d => d.Body.Contains(leadId) && (d.LastError != null || d.Status != DeliveryStatus.Pending)).FirstOrDefaultAsync(ct) is { } attempted)
                {
                    return attempted;
                }

                await Task.Delay(50, ct);
            }
        });

        var stored = (await workingApi.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Contain(leadId), "the other owner's lead is stored on the first attempt");
            Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Pending), "the delivery is tried again for the integration that failed");
            Assert.That(delivery.LastError, Does.Contain("CryptographicException"));
        });
    }
}
