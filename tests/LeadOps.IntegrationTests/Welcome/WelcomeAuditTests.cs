using System.Net;
using System.Net.Http.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>
/// A full audit: retrying a lead's welcome e-mail and changing an integration's settings (welcome template, alerts)
/// each leave a row, naming the lead or the page and what changed, and the Audit page shows them.
/// </summary>
public sealed class WelcomeAuditTests(DatabaseKind database) : WelcomeFixture(database)
{
    [Test]
    public async Task A_welcome_retry_and_integration_settings_changes_are_audited_and_shown_on_the_audit_page()
    {
        var staff = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(staff);
        var leadId = await FailedLeadAsync(staff, integrationId);
        using var browser = await App.SignedInClientAsync(staff);

        var panelPath = $"/Leads/{leadId}/welcome?handler=Panel";
        var retry = await browser.PostFormAsync($"/Leads/{leadId}/welcome?handler=Retry", new Dictionary<string, string> { ["returnUrl"] = panelPath }, formPage: panelPath);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var saved = await SendAsync(staff, new UpdateWelcomeTemplate(integrationId, false, "Hello {first_name}", "Hi {first_name}"));
        Assert.That(saved.IsSuccess, Is.True, saved.Error);
        var alerts = await App.ApiClient(staff).PutAsJsonAsync($"/api/integrations/{integrationId}/alerts", new { leads = "hourly_digest", escalations = false });
        Assert.That(alerts.StatusCode, Is.EqualTo(HttpStatusCode.OK), await alerts.Content.ReadAsStringAsync());

        var rows = (await QueryAsync(staff, new ListAuditEntries())).Items.Reverse().Where(r => r.Action != AuditActions.SignIn).ToList();
        Assert.That(rows.Select(r => (r.Action, r.SubjectType, r.Outcome)), Is.EqualTo(new[]
        {
            (AuditActions.RetryWelcome, AuditActions.Lead, AuditActions.Ok),
            (IntegrationChanged.Settings, AuditActions.Integration, AuditActions.Ok),
            (IntegrationChanged.Settings, AuditActions.Integration, AuditActions.Ok),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].SubjectId, Is.EqualTo(leadId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(rows[1].Detail, Does.Contain("welcome e-mail off"));
            Assert.That(rows[2].Detail, Does.Contain("lead alerts").And.Contain("escalation alerts off"));
            Assert.That(rows[2].Via, Does.StartWith("API key"), "made with an API key, which is named");
            Assert.That(rows.Select(r => r.ActorId), Has.All.EqualTo(staff.Id));
        });

        var page = await browser.GetStringAsync("/Audit");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("data-action=\"retry_welcome\""));
            Assert.That(page.Split("data-action=\"settings\"").Length - 1, Is.EqualTo(2));
            Assert.That(page, Does.Contain("escalation alerts off"));
        });
    }

    /// <summary>A lead whose welcome e-mail failed every attempt (the mail server was down).</summary>
    private async Task<long> FailedLeadAsync(TestUser owner, int integrationId)
    {
        await Smtp.StopAsync();
        var leadId = await CreateLeadAsync(owner, integrationId, NewEmail());
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
