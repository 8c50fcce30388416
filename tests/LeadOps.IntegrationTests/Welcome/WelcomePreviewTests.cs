using LeadOps.Domain.Leads;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>
/// The lead's page previews its welcome e-mail whatever the mail transport: here a real SMTP server takes the message
/// and no copy is kept, so the preview is the integration's template rendered for the lead, shown as encoded text.
/// </summary>
public sealed class WelcomePreviewTests(DatabaseKind database) : WelcomeFixture(database)
{
    [Test]
    public async Task A_welcome_sent_over_smtp_is_previewed_on_the_lead_page_as_encoded_text()
    {
        var staff = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integrationId, email, firstName: "Ana<script>x</script>", fullName: "Ana <b>Silva</b>");
        Assert.That(await DrainAsync(), Is.EqualTo(1));
        var sent = await Smtp.WaitForAsync(email, TimeSpan.FromSeconds(30));
        Assert.That((await WelcomeOfAsync(staff, leadId)).Status, Is.EqualTo(OutboxStatus.Sent));

        using var browser = await App.SignedInClientAsync(staff);
        var page = await browser.GetStringAsync($"/Leads/{leadId}");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("data-test=\"welcome-preview\""), "previewed without a pickup-folder copy");
            Assert.That(page, Does.Contain("data-preview-source=\"template\""));
            Assert.That(page, Does.Contain(System.Net.WebUtility.HtmlEncode(sent.Message.Subject)), "the subject the lead received");
            Assert.That(page, Does.Contain("Thank you for filling in Test ride."));
            Assert.That(page, Does.Contain("Ana&lt;script&gt;x&lt;/script&gt;").Or.Contain("Ana&lt;script&gt;"), "the lead's values are encoded");
            Assert.That(page, Does.Not.Contain("<script>x</script>").And.Not.Contain("<b>Silva</b>"));
            Assert.That(page, Does.Not.Contain("data-test=\"welcome-eml\""), "nothing to download without a stored copy");
        });
    }
}
