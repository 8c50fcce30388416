using LeadOps.Application.Conversations.Commands;
using LeadOps.Domain.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// When a conversation is handed to a person, its integration's owner gets an e-mail (real SMTP server), once per
/// escalation; an integration with escalation alerts switched off sends none. (The browser notification is proven in
/// Chromium: BrowserTests' EscalationNotificationTests.)
/// </summary>
public sealed class EscalationAlertTests(DatabaseKind database) : OutgoingFixture(database)
{
    private const string Psid = "7300000000000123";

    [Test]
    public async Task An_escalation_emails_the_owner_once()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        var pageId = await PageIdAsync(user, integrationId);

        var escalated = await App.SendAsync(user, new EscalateCustomer(pageId, Psid, "asks for a test ride on Saturday"));
        Assert.That(escalated.IsSuccess, Is.True, escalated.Error);
        await DrainAsync();

        var mail = await App.Smtp.WaitForAsync(user.Email, TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(mail.Message.Subject, Does.StartWith("Needs a person:"));
            Assert.That(mail.Message.TextBody, Does.Contain("Lisbon Bikes").And.Contain("asks for a test ride on Saturday"));
        });

        // The bot asks again while the conversation already waits for a person: nothing changed, nobody is told twice.
        var again = await App.SendAsync(user, new EscalateCustomer(pageId, Psid, "asks again"));
        Assert.That(again.IsSuccess, Is.True, again.Error);
        Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync();
        Assert.That(App.Smtp.To(user.Email), Has.Count.EqualTo(1));
        await using var scope = App.ScopeFor(user.Id);
        Assert.That(await App.Db(scope).Set<StaffAlert>().CountAsync(a => a.Kind == StaffAlertKind.Escalation), Is.EqualTo(1));
    }

    [Test]
    public async Task With_escalation_alerts_off_no_email_is_sent()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await SetAlertsAsync(user, integrationId, "none", escalations: false);

        var escalated = await App.SendAsync(user, new EscalateCustomer(await PageIdAsync(user, integrationId), Psid, "wants a person"));
        Assert.That(escalated.IsSuccess, Is.True, escalated.Error);
        Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync();

        Assert.That(App.Smtp.To(user.Email), Is.Empty);
    }

    private async Task<string> PageIdAsync(TestUser user, int integrationId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).Integrations.Where(i => i.Id == integrationId).Select(i => i.PageId).SingleAsync();
    }
}
