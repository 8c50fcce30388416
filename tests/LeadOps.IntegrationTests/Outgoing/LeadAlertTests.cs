using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>Per integration, new leads are announced to the owner by e-mail: each on its own, or in one hourly digest; never twice.</summary>
public sealed class LeadAlertTests(DatabaseKind database) : OutgoingFixture(database)
{
    [Test]
    public async Task The_hourly_digest_collects_the_hours_leads_into_one_email()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await SetAlertsAsync(user, integrationId, "hourly_digest");

        await CreateLeadAsync(user, integrationId, "Ana Digest");
        await CreateLeadAsync(user, integrationId, "Bruno Digest");
        await CreateLeadAsync(user, integrationId, "Célia Digest");
        await DrainAsync();
        Assert.That(App.Smtp.To(user.Email), Is.Empty, "nothing before the hour ends");

        Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync();

        var mail = await App.Smtp.WaitForAsync(user.Email, TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(App.Smtp.To(user.Email), Has.Count.EqualTo(1), "one e-mail for the three leads");
            Assert.That(mail.Message.Subject, Does.Contain("3 new leads"));
            Assert.That(mail.Message.TextBody, Does.Contain("Ana Digest").And.Contain("Bruno Digest").And.Contain("Célia Digest"));
        });

        Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync();
        Assert.That(App.Smtp.To(user.Email), Has.Count.EqualTo(1), "no lead is announced twice");
    }

    [Test]
    public async Task Each_new_lead_gets_its_own_email_once()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await SetAlertsAsync(user, integrationId, "each_lead");

        var leadId = await CreateLeadAsync(user, integrationId, "Duarte Each");
        await DrainAsync();

        var mail = await App.Smtp.WaitForAsync(user.Email, TimeSpan.FromSeconds(30));
        Assert.That(mail.Message.Subject, Is.EqualTo("New lead: Duarte Each"));
        await using var scope = App.ScopeFor(user.Id);
        Assert.That(await App.Db(scope).Set<StaffAlert>().CountAsync(a => a.LeadId == leadId), Is.EqualTo(1));
    }

    [Test]
    public async Task A_lead_is_announced_once_even_when_its_event_comes_again_or_it_changes_stage()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await SetAlertsAsync(user, integrationId, "each_lead");
        var leadId = await CreateLeadAsync(user, integrationId, "Gil Once");
        await DrainAsync();
        await App.Smtp.WaitForAsync(user.Email, TimeSpan.FromSeconds(30));

        // A second lead.created for the same lead (another node wrote it, or a repeat), and a stage change.
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
            db.Set<OutgoingEvent>().Add(OutgoingEvent.ForLead(OutgoingEventNames.LeadCreated, lead, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var moved = await App.SendAsync(user, new ChangeLeadStage([leadId], "contacted"));
        Assert.That(moved.IsSuccess, Is.True, moved.Error);
        Clock.Advance(TimeSpan.FromHours(2));
        await DrainAsync();

        Assert.That(App.Smtp.To(user.Email), Has.Count.EqualTo(1), "one e-mail for the lead, whatever came after");
        await using var check = App.ScopeFor(user.Id);
        Assert.That(await App.Db(check).Set<StaffAlert>().CountAsync(a => a.LeadId == leadId), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_alerts_no_email_is_sent()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await CreateLeadAsync(user, integrationId, "Eva Quiet");
        Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync();
        Assert.That(App.Smtp.To(user.Email), Is.Empty);
    }
}
