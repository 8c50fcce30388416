using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Common;
using LeadOps.IntegrationTests.Integrations;
using SandboxSeed = LeadOps.GraphSandbox.SandboxSeed;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A failed webhook delivery that names the pages of two users is listed to each of them with their own pages only:
/// the other user's page ids are not theirs to see.
/// </summary>
public sealed class FailedDeliveryPagesTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_failed_delivery_naming_two_users_pages_shows_each_user_only_their_own_page()
    {
        var first = await App.NewUserAsync();
        var second = await App.NewUserAsync();
        using var firstApi = App.ApiClient(first);
        using var secondApi = App.ApiClient(second);
        await IntegrationsApiTests.ConnectAsync(firstApi, SandboxSeed.NotSubscribedPageToken);
        await IntegrationsApiTests.ConnectAsync(secondApi, SandboxSeed.MainPageToken);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = App.Db(scope);
            var delivery = new WebhookDelivery { Body = "{}", ReceivedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, Status = WebhookDeliveryStatus.Failed, Attempts = 8, LastError = "Transient (code 2)" };
            delivery.PageIds = $"{SandboxSeed.NotSubscribedPageId},{SandboxSeed.MainPageId}";
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync();
        }

        var firstSees = await firstApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries");
        var secondSees = await secondApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries");
        using var browser = await App.SignedInClientAsync(first);
        var page = await browser.GetStringAsync("/Leads/Runs");

        Assert.Multiple(() =>
        {
            Assert.That(firstSees.GetProperty("deliveries")[0].GetProperty("page_ids").GetString(), Is.EqualTo(SandboxSeed.NotSubscribedPageId));
            Assert.That(secondSees.GetProperty("deliveries")[0].GetProperty("page_ids").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(page, Does.Contain(SandboxSeed.NotSubscribedPageId).And.Not.Contain(SandboxSeed.MainPageId));
        });
    }
}
