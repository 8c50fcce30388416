using System.Net;
using System.Text.Json;
using LeadOps.Application.Leads.Welcome;
using LeadOps.Domain.Leads;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>What staff see and do: the lead's welcome panel, retrying a Failed message, counts, and /status.</summary>
public sealed class WelcomeStaffTests(DatabaseKind database) : WelcomeFixture(database)
{
    [Test]
    public async Task Staff_see_a_failed_message_on_the_leads_page_and_retry_it_and_it_is_sent()
    {
        var staff = await App.NewUserAsync();
        var email = NewEmail();
        var leadId = await FailedLeadAsync(staff, email);
        using var browser = await App.SignedInClientAsync(staff);

        var panelPath = $"/Leads/{leadId}/welcome?handler=Panel";
        var panel = await browser.GetStringAsync(panelPath);
        Assert.Multiple(() =>
        {
            Assert.That(panel, Does.Contain("data-test=\"welcome-status\">Failed<"));
            Assert.That(panel, Does.Contain($"data-test=\"welcome-attempts\">{MaxAttempts} of {MaxAttempts}<"));
            Assert.That(panel, Does.Contain("Could not connect to the mail server"));
            Assert.That(panel, Does.Contain("data-test=\"welcome-retry\""));
        });

        var retry = await browser.PostFormAsync($"/Leads/{leadId}/welcome?handler=Retry", new Dictionary<string, string> { ["returnUrl"] = panelPath }, formPage: panelPath);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(retry.Headers.Location?.OriginalString, Is.EqualTo(panelPath));

        var queued = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(queued.Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(queued.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Pending));
            Assert.That(queued.Attempts, Is.Zero);
        });
        var after = await browser.GetStringAsync(panelPath);
        Assert.That(after, Does.Contain("The welcome message will be sent again shortly."));
        Assert.That(after, Does.Not.Contain("data-test=\"welcome-retry\""), "only a failed message offers Retry");

        Assert.That(await DrainAsync(), Is.EqualTo(1));
        var sent = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(Smtp.To(email), Has.Count.EqualTo(1));
            Assert.That(sent.Status, Is.EqualTo(OutboxStatus.Sent));
            Assert.That(sent.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent));
        });
        Assert.That(await browser.GetStringAsync(panelPath), Does.Contain("data-test=\"welcome-status\">Sent<").And.Contain("data-test=\"welcome-sent-at\""));
    }

    [Test]
    public async Task Retrying_another_users_lead_is_404_and_changes_nothing()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        var aliceLead = await FailedLeadAsync(alice, NewEmail());
        var bobLead = await CreateLeadAsync(bob, await CreateIntegrationAsync(bob), NewEmail());
        using var bobBrowser = await App.SignedInClientAsync(bob);

        var retry = await bobBrowser.PostFormAsync(
            $"/Leads/{aliceLead}/welcome?handler=Retry", new Dictionary<string, string>(), formPage: $"/Leads/{bobLead}/welcome?handler=Panel");
        using var panel = await bobBrowser.GetAsync($"/Leads/{aliceLead}/welcome?handler=Panel");
        using var eml = await bobBrowser.GetAsync($"/Leads/{aliceLead}/welcome");
        Assert.Multiple(() =>
        {
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(panel.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(eml.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });

        var row = await WelcomeOfAsync(alice, aliceLead);
        Assert.That(row.Status, Is.EqualTo(OutboxStatus.Failed), "nothing changed");
        Assert.That((await SendAsync(bob, new RetryWelcomeMessage(aliceLead))).Status, Is.EqualTo(Application.Common.ResultStatus.NotFound));
    }

    [Test]
    public async Task Retrying_a_message_that_has_not_failed_is_refused()
    {
        var staff = await App.NewUserAsync();
        var leadId = await CreateLeadAsync(staff, await CreateIntegrationAsync(staff), NewEmail());
        await DrainAsync();

        var result = await SendAsync(staff, new RetryWelcomeMessage(leadId));

        Assert.That(result.Status, Is.EqualTo(Application.Common.ResultStatus.Conflict));
        Assert.That((await WelcomeOfAsync(staff, leadId)).Status, Is.EqualTo(OutboxStatus.Sent));
    }

    [Test]
    public async Task Welcome_counts_follow_the_users_leads()
    {
        var staff = await App.NewUserAsync();
        var other = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        await CreateLeadAsync(staff, integration, NewEmail());
        await CreateLeadAsync(staff, integration, email: null);
        await CreateLeadAsync(other, await CreateIntegrationAsync(other), NewEmail());

        Assert.That(await QueryAsync(staff, new GetWelcomeCounts()), Is.EqualTo(new WelcomeCounts(2, 0, 0, 0)));
        await DrainAsync();
        Assert.That(await QueryAsync(staff, new GetWelcomeCounts()), Is.EqualTo(new WelcomeCounts(0, 1, 0, 1)));
    }

    [Test]
    public async Task Status_reports_the_outbox_backlog_and_the_oldest_pending_age()
    {
        var staff = await App.NewUserAsync();
        await CreateLeadAsync(staff, await CreateIntegrationAsync(staff), NewEmail());
        Clock.Advance(TimeSpan.FromMinutes(10));
        int failedRows;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // Across all users, as /status counts: earlier tests of this fixture leave failed messages too.
            failedRows = await App.Db(scope).OutboxMessages.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter])
                .CountAsync(o => o.Status == OutboxStatus.Failed);
        }

        using var monitoring = App.OperatorClient(); // the details of /status are for signed-in users and the operator
        using var response = await monitoring.GetAsync("/status");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        var backlog = checks.GetProperty("welcome_outbox").GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(backlog.GetProperty("pending").GetInt32(), Is.EqualTo(1));
            Assert.That(backlog.GetProperty("oldest_pending_age_seconds").GetDouble(), Is.EqualTo(600));
            Assert.That(backlog.GetProperty("failed").GetInt32(), Is.EqualTo(failedRows), "every user's failed messages");
            Assert.That(checks.GetProperty("workers").GetProperty("data").TryGetProperty("welcome", out _), Is.True, "the welcome worker reports to /status");
        });

        await DrainAsync();
        using var drained = await monitoring.GetAsync("/status");
        using var after = JsonDocument.Parse(await drained.Content.ReadAsStringAsync());
        Assert.That(after.RootElement.GetProperty("checks").GetProperty("welcome_outbox").GetProperty("data").GetProperty("pending").GetInt32(), Is.Zero);
    }

    /// <summary>A lead whose welcome has Failed: the mail server refused connections for every attempt.</summary>
    private async Task<long> FailedLeadAsync(TestUser owner, string email)
    {
        var integration = await CreateIntegrationAsync(owner);
        await Smtp.StopAsync();
        var leadId = await CreateLeadAsync(owner, integration, email);
        var worker = NewWorker();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromHours(1));
        }

        await Smtp.StartAsync();
        Assert.That((await WelcomeOfAsync(owner, leadId)).Status, Is.EqualTo(OutboxStatus.Failed));
        return leadId;
    }
}
