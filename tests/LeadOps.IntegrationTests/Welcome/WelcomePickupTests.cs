using System.Net;
using MimeKit;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>No mail server: each message is written to the pickup folder and the lead's page serves it.</summary>
public sealed class WelcomePickupTests(DatabaseKind database) : WelcomeFixture(database)
{
    private readonly string _pickup = Path.Combine(TestRun.Scratch, $"mail-{Guid.NewGuid():N}");

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        base.Configure(app).WithSetting("Smtp:Host", string.Empty).WithSetting("Smtp:PickupDirectory", _pickup);

    [Test]
    public async Task Each_message_becomes_one_eml_file_that_the_leads_page_serves_to_its_owner_only()
    {
        var staff = await App.NewUserAsync();
        var other = await App.NewUserAsync();
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, await CreateIntegrationAsync(staff), email, firstName: "Rui");

        Assert.That(await DrainAsync(), Is.EqualTo(1));

        var row = await WelcomeOfAsync(staff, leadId);
        var file = Path.Combine(_pickup, row.MessageId!.Split('@')[0] + ".eml");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(file), Is.True, file);
            Assert.That(Directory.GetFiles(_pickup, $"welcome-{leadId}-*"), Has.Length.EqualTo(1));
            Assert.That(Smtp.To(email), Is.Empty, "nothing went over SMTP");
        });

        using var browser = await App.SignedInClientAsync(staff);
        Assert.That(await browser.GetStringAsync($"/Leads/{leadId}/welcome?handler=Panel"), Does.Contain("data-test=\"welcome-eml\""));
        using var response = await browser.GetAsync($"/Leads/{leadId}/welcome");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("message/rfc822"));
        var message = await MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo(row.MessageId));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo(email));
            Assert.That(message.Subject, Is.EqualTo("Thanks for your interest, Rui!"));
        });

        using var stranger = await App.SignedInClientAsync(other);
        Assert.That((await stranger.GetAsync($"/Leads/{leadId}/welcome")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_message_not_written_yet_has_no_file_to_serve()
    {
        var staff = await App.NewUserAsync();
        var leadId = await CreateLeadAsync(staff, await CreateIntegrationAsync(staff), NewEmail());
        using var browser = await App.SignedInClientAsync(staff);

        using var response = await browser.GetAsync($"/Leads/{leadId}/welcome");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await browser.GetStringAsync($"/Leads/{leadId}/welcome?handler=Panel"), Does.Not.Contain("data-test=\"welcome-eml\""));
    }
}
