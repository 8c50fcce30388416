using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>What a lead receives, over a real SMTP server: recipient, subject, body, and who is skipped and why.</summary>
public sealed class WelcomeDeliveryTests(DatabaseKind database) : WelcomeFixture(database)
{
    [Test]
    public async Task A_new_leads_welcome_arrives_with_the_right_recipient_subject_and_rendered_body()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(
            staff, subject: "Welcome, {first_name}!", body: "Hi {first_name},\nthanks for filling in {form_name}.\n{full_name}, see you at {page_name}");
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email, firstName: "Ana", fullName: "Ana <b>Silva</b> & Co", formName: "Test ride");

        Assert.That(await DrainAsync(), Is.EqualTo(1));

        var mail = Smtp.To(email).Single();
        var to = mail.Message.To.Mailboxes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.RcptTos, Is.EqualTo(new[] { email }), "envelope recipient");
            Assert.That(mail.MailFrom, Is.EqualTo("welcome@leadops.test"));
            Assert.That(to.Address, Is.EqualTo(email));
            Assert.That(to.Name, Is.EqualTo("Ana <b>Silva</b> & Co"));
            Assert.That(mail.Message.Subject, Is.EqualTo("Welcome, Ana!"));
            Assert.That((mail.Message.TextBody ?? string.Empty).ReplaceLineEndings("\n").TrimEnd(), Is.EqualTo("Hi Ana,\nthanks for filling in Test ride.\nAna <b>Silva</b> & Co, see you at Lisbon Bikes"));
            Assert.That(mail.Message.HtmlBody, Does.Contain("Ana &lt;b&gt;Silva&lt;/b&gt; &amp; Co, see you at Lisbon Bikes"));
            Assert.That(mail.Message.HtmlBody, Does.Contain("Hi Ana,<br>"));
            Assert.That(mail.Message.HtmlBody, Does.Not.Contain("<b>Silva"), "lead values are HTML-encoded in the HTML part");
            Assert.That(mail.Message.MessageId, Does.Match($"^welcome-{leadId}-[0-9a-f]{{16}}@leadops\\.local$"));
        });

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent), "the lead list filters on the lead's status");
            Assert.That(row.SentAt, Is.EqualTo(Clock.GetUtcNow()));
            Assert.That(row.MessageId, Is.EqualTo(mail.Message.MessageId));
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(row.ClaimedBy, Is.Null);
            Assert.That(row.LastError, Is.Null);
        });

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await DrainAsync(), Is.Zero, "a sent message is never picked up again");
        Assert.That(Smtp.To(email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Header_injection_in_a_leads_name_adds_no_header_and_no_recipient()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff, subject: "Hello {first_name} / {full_name}");
        var email = NewEmail();
        var leadId = await CreateLeadAsync(
            staff, integration, email, firstName: "Eve\nBcc: second@evil.test\r\nX-Injected: yes", fullName: "Eve\r\nBcc: first@evil.test");

        await DrainAsync();

        var mail = Smtp.To(email).Single();
        var headerBlock = mail.Raw[..mail.Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var headerNames = headerBlock.Split("\r\n").Where(l => l.Length > 0 && l[0] is not (' ' or '\t')).Select(l => l.Split(':')[0]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mail.RcptTos, Is.EqualTo(new[] { email }), "the only envelope recipient is the lead");
            Assert.That(Smtp.Received().SelectMany(m => m.RcptTos), Has.None.Contains("evil.test"));
            Assert.That(mail.Message.Bcc, Is.Empty);
            Assert.That(headerNames, Has.None.EqualTo("Bcc").IgnoreCase);
            Assert.That(headerNames, Has.None.EqualTo("X-Injected").IgnoreCase);
            Assert.That(mail.Message.Subject, Is.EqualTo("Hello Eve Bcc: second@evil.test X-Injected: yes / Eve Bcc: first@evil.test"));
            Assert.That(mail.Message.To.Mailboxes.Single().Name, Is.EqualTo("Eve Bcc: first@evil.test"));
        });
        Assert.That((await WelcomeOfAsync(staff, leadId)).Status, Is.EqualTo(OutboxStatus.Sent));
    }

    [Test]
    public async Task A_lead_without_an_email_address_is_skipped_as_no_email()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var received = Smtp.Received().Count;
        var leadId = await CreateLeadAsync(staff, integration, email: null);

        Assert.That(await DrainAsync(), Is.EqualTo(1));

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Skipped));
            Assert.That(row.LastError, Is.EqualTo("Skipped (no e-mail)"));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Skipped));
            Assert.That(Smtp.Received(), Has.Count.EqualTo(received), "nothing was sent");
        });
    }

    [Test]
    public async Task A_welcome_switched_off_before_it_is_sent_is_skipped_as_disabled()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email);

        var off = await SendAsync(staff, new UpdateWelcomeTemplate(integration, Enabled: false, "Hi {first_name}", "Hello"));
        Assert.That(off.IsSuccess, Is.True);
        await DrainAsync();

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Skipped));
            Assert.That(row.LastError, Is.EqualTo("Skipped (disabled)"));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Skipped));
            Assert.That(Smtp.To(email), Is.Empty);
        });
    }

    [Test]
    public async Task A_lead_whose_integration_was_deleted_is_skipped_with_the_reason()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email);

        Assert.That((await SendAsync(staff, new DeleteIntegration(integration))).IsSuccess, Is.True);
        await DrainAsync();

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Skipped));
            Assert.That(row.LastError, Is.EqualTo("Skipped (integration deleted)"));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Skipped));
            Assert.That(Smtp.To(email), Is.Empty);
        });
    }

    [Test]
    public async Task Every_lead_retrieved_from_facebook_gets_exactly_one_welcome_from_the_pages_template()
    {
        var staff = await App.NewUserAsync();
        var connected = await SendAsync(staff, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Detail);
        var retrieved = await SendAsync(staff, new RetrieveFacebookLeads(connected.Value!.Id, SandboxSeed.MainTestRideFormId));
        Assert.That(retrieved.IsSuccess, Is.True, retrieved.Detail);
        Assert.That(retrieved.Value!.NewLeads, Is.GreaterThan(0));

        await DrainAsync();

        await using var scope = App.ScopeFor(staff.Id);
        var leads = await App.Db(scope).Leads.AsNoTracking().ToListAsync();
        Assert.That(leads, Has.Count.EqualTo(retrieved.Value.NewLeads));
        foreach (var lead in leads)
        {
            var mail = Smtp.Received().Where(m => m.Message.MessageId?.StartsWith($"welcome-{lead.Id}-", StringComparison.Ordinal) == true).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(lead.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent));
                Assert.That(mail, Has.Count.EqualTo(1), $"lead {lead.Id}");
                Assert.That(mail[0].RcptTos, Is.EqualTo(new[] { lead.Email }));
                Assert.That(mail[0].Message.Subject, Is.EqualTo($"Thanks for your interest, {lead.FirstName}!"));
                Assert.That(mail[0].Message.TextBody ?? string.Empty, Does.Contain($"Thank you for filling in {lead.FormName}."));
                Assert.That(mail[0].Message.TextBody ?? string.Empty, Does.Contain(SandboxSeed.MainPageName));
            });
        }
    }
}
