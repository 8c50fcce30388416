using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Common;
using LeadOps.IntegrationTests.Integrations;
using SandboxSeed = LeadOps.GraphSandbox.SandboxSeed;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A failed webhook delivery that names the pages of two users is listed to each of them with their own pages only:
/// the other user's page ids are not theirs to see; and of two users of the same page, only the one whose events failed
/// sees the failure.
/// </summary>
public sealed class FailedDeliveryPagesTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>A delivery Graph refuses for now is Failed after its first attempt.</summary>
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithSetting("Webhooks:MaxAttempts", "1");

    /// <summary>
    /// One delivery may carry the entries of many pages (one entry per page): every page it names is kept, so the staff of
    /// the last of a hundred find it among their failed deliveries and may retry it.
    /// </summary>
    [Test]
    public async Task A_failed_delivery_naming_a_hundred_pages_is_found_by_the_staff_of_its_last_page()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.Options.WebhookDropRate = 1; // only the delivery the test posts
        var leadId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        Graph.SetFault(new LeadOps.GraphSandbox.FaultRule { Route = LeadOps.GraphSandbox.FaultRoutes.Lead, Kind = LeadOps.GraphSandbox.FaultKind.Transient });
        var pages = Enumerable.Range(1, 99).Select(i => $"99000000000{i:D4}").Append(SandboxSeed.MainPageId);
        var id = await PostUntilFailedAsync(pages.Select(page => (page, SandboxSeed.MainTestRideFormId, page == SandboxSeed.MainPageId ? leadId : "4" + page)), leadId);

        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("id").GetInt64() == id).ToList();
        Assert.That(listed, Has.Count.EqualTo(1), "the staff of the delivery's last page find it");
        Assert.That(listed[0].GetProperty("page_ids").GetString(), Is.EqualTo(SandboxSeed.MainPageId), "with their own page only");
        Graph.ClearFaults();
        using var retried = await api.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.That(retried.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), await retried.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_failed_delivery_naming_two_users_pages_shows_each_user_only_their_own_page()
    {
        var (first, firstApi, secondApi) = await UsersOfTwoPagesAsync();
        using var disposeFirst = firstApi;
        using var disposeSecond = secondApi;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = App.Db(scope);
            var delivery = new WebhookDelivery { Body = "{}", ReceivedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, Status = WebhookDeliveryStatus.Failed, Attempts = 8, LastError = "Transient (code 2)" };
            delivery.RecordPages([SandboxSeed.NotSubscribedPageId, SandboxSeed.MainPageId]);
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

    /// <summary>
    /// One delivery carries a lead of each user's page; only the second user's lead read fails. The delivery is Failed, and
    /// it is the second user's alone to see and retry: the first user's lead was stored, and the failure (its error, the
    /// retry that would run the other user's events) is not theirs.
    /// </summary>
    [Test]
    public async Task A_delivery_that_failed_on_one_users_page_is_shown_and_retried_only_by_that_users_staff()
    {
        var (_, firstApi, secondApi) = await UsersOfTwoPagesAsync();
        using var disposeFirst = firstApi;
        using var disposeSecond = secondApi;
        Graph.Options.WebhookDropRate = 1; // only the delivery the test posts
        var firstLead = Graph.SubmitLeads(SandboxSeed.NotSubscribedFormId, 1)[0];
        var secondLead = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        Graph.SetFault(new LeadOps.GraphSandbox.FaultRule { Route = LeadOps.GraphSandbox.FaultRoutes.Lead, FormId = SandboxSeed.MainTestRideFormId, Kind = LeadOps.GraphSandbox.FaultKind.Transient });
        var id = await PostUntilFailedAsync(
            [(SandboxSeed.NotSubscribedPageId, SandboxSeed.NotSubscribedFormId, firstLead), (SandboxSeed.MainPageId, SandboxSeed.MainTestRideFormId, secondLead)], secondLead);

        var firstSees = (await firstApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("id").GetInt64() == id).ToList();
        var secondSees = (await secondApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("id").GetInt64() == id).ToList();
        using var firstRetry = await firstApi.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.Multiple(() =>
        {
            Assert.That(firstSees, Is.Empty, "the first user's lead was handled: the failure is not theirs");
            Assert.That(firstRetry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
            Assert.That(secondSees, Has.Count.EqualTo(1));
            Assert.That(secondSees[0].GetProperty("page_ids").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(secondSees[0].GetProperty("last_error").GetString(), Does.StartWith("Transient"));
        });

        Graph.ClearFaults();
        using var secondRetry = await secondApi.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.That(secondRetry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), await secondRetry.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Two users connected the same page; one delivery carries a lead of it, and only the second user's read of it fails.
    /// The first user's lead was stored: the failure, its error and the retry that would run the second user's events
    /// again are the second user's alone, though the page is the first user's too.
    /// </summary>
    [Test]
    public async Task A_delivery_that_failed_for_one_of_two_users_of_the_same_page_is_shown_and_retried_only_by_that_user()
    {
        using var firstApi = App.ApiClient(await App.NewUserAsync());
        using var secondApi = App.ApiClient(await App.NewUserAsync());
        await IntegrationsApiTests.ConnectAsync(firstApi, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(secondApi, SandboxSeed.MainPageToken);
        Graph.Options.WebhookDropRate = 1; // only the delivery the test posts
        var leadId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        // The page's owners are worked in the order they connected it: the first user's read passes, the second user's fails.
        Graph.SetFault(new LeadOps.GraphSandbox.FaultRule { Route = LeadOps.GraphSandbox.FaultRoutes.Lead, FormId = SandboxSeed.MainTestRideFormId, Kind = LeadOps.GraphSandbox.FaultKind.Transient, AfterCalls = 1 });
        var id = await PostUntilFailedAsync([(SandboxSeed.MainPageId, SandboxSeed.MainTestRideFormId, leadId)], leadId);

        var firstSees = (await firstApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("id").GetInt64() == id).ToList();
        var secondSees = (await secondApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("id").GetInt64() == id).ToList();
        using var firstRetry = await firstApi.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.Multiple(async () =>
        {
            Assert.That(await LeadgenDeliveries.StoredAsync(firstApi, leadId), Has.Count.EqualTo(1), "the first user's lead was stored");
            Assert.That(await LeadgenDeliveries.StoredAsync(secondApi, leadId), Is.Empty);
            Assert.That(firstSees, Is.Empty, "the second user's failure is not the first user's to see");
            Assert.That(firstRetry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "nor to retry");
            Assert.That(secondSees, Has.Count.EqualTo(1));
            Assert.That(secondSees[0].GetProperty("page_ids").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(secondSees[0].GetProperty("last_error").GetString(), Does.StartWith("Transient"));
        });

        Graph.ClearFaults();
        using var secondRetry = await secondApi.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.That(secondRetry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), await secondRetry.Content.ReadAsStringAsync());
        await App.DrainAsync();
        Assert.That(await LeadgenDeliveries.StoredAsync(secondApi, leadId), Has.Count.EqualTo(1), "the retry stored the second user's lead");
        Assert.That(await LeadgenDeliveries.StoredAsync(firstApi, leadId), Has.Count.EqualTo(1), "and not the first user's twice");
        var secondStillSees = (await secondApi.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Count(d => d.GetProperty("id").GetInt64() == id);
        await using var scope = App.Services.CreateAsyncScope();
        var db = App.Db(scope);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == id).Select(d => d.Status).SingleAsync(), Is.EqualTo(WebhookDeliveryStatus.Processed));
            Assert.That(await db.WebhookDeliveryFailures.AsNoTracking().CountAsync(f => f.DeliveryId == id), Is.Zero, "the retry cleared the failure it mended");
            Assert.That(secondStillSees, Is.Zero);
        }
    }

    /// <summary>Two users, the first with the not-subscribed page connected, the second with the main page; their API clients.</summary>
    private async Task<(TestUser First, HttpClient FirstApi, HttpClient SecondApi)> UsersOfTwoPagesAsync()
    {
        var first = await App.NewUserAsync();
        var firstApi = App.ApiClient(first);
        var secondApi = App.ApiClient(await App.NewUserAsync());
        await IntegrationsApiTests.ConnectAsync(firstApi, SandboxSeed.NotSubscribedPageToken);
        await IntegrationsApiTests.ConnectAsync(secondApi, SandboxSeed.MainPageToken);
        return (first, firstApi, secondApi);
    }

    /// <summary>Posts one signed delivery announcing <paramref name="leads"/> and waits until the one naming <paramref name="leadId"/> is Failed; its id.</summary>
    private async Task<long> PostUntilFailedAsync(IEnumerable<(string Page, string Form, string Lead)> leads, string leadId)
    {
        using (var client = App.NewClient())
        using (var posted = await WebhookTests.PostSignedAsync(client, LeadgenDeliveries.Body(leads), Graph.Options.AppSecret))
        {
            Assert.That(posted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        }

        return await HangGuard.WaitAsync("the delivery to fail", async ct =>
        {
            while (true)
            {
                await using var scope = App.Services.CreateAsyncScope();
                if (await App.Db(scope).WebhookDeliveries.Where(d => d.Body.Contains(leadId) && d.Status == WebhookDeliveryStatus.Failed)
                        .Select(d => (long?)d.Id).FirstOrDefaultAsync(ct) is { } failed)
                {
                    return failed;
                }

                await Task.Delay(50, ct);
            }
        });
    }
}
