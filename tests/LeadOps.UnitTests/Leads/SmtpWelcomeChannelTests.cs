using LeadOps.Application.Leads.Welcome;
using LeadOps.Infrastructure.Welcome;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Leads;

public sealed class SmtpWelcomeChannelTests
{
    [TestCase("ana@example.test\r\nBcc: x@evil.test")]
    [TestCase("ana@example.test\nBcc: x@evil.test")]
    [TestCase("Ana <ana@example.test>")]
    [TestCase("ana@example.test, x@evil.test")]
    [TestCase("not an address")]
    [TestCase("ana")]
    public async Task Anything_but_one_plain_address_is_refused_before_a_connection_is_made(string email)
    {
        // No server on this port: reaching the network would answer RetryLater, not Rejected.
        var channel = Channel(new SmtpOptions { Host = "127.0.0.1", Port = 9, Security = SmtpSecurity.None });

        var result = await channel.SendAsync(Message(email), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(WelcomeSendStatus.Rejected));
    }

    [Test]
    public void A_lead_without_an_email_address_cannot_be_reached_by_email()
    {
        var channel = Channel(new SmtpOptions());

        Assert.Multiple(() =>
        {
            Assert.That(channel.Unreachable(new WelcomeRecipient("Ana", null, "+351910000000")), Is.EqualTo("Skipped (no e-mail)"));
            Assert.That(channel.Unreachable(new WelcomeRecipient("Ana", "ana@example.test", null)), Is.Null);
        });
    }

    [Test]
    public async Task Without_a_server_outside_development_the_message_waits_for_configuration()
    {
        var result = await Channel(new SmtpOptions(), environment: "Production").SendAsync(Message("ana@example.test"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(WelcomeSendStatus.RetryLater));
        Assert.That(result.Error, Does.Contain("Smtp:Host"));
    }

    [Test]
    public async Task In_development_without_a_server_the_message_is_written_to_the_pickup_folder_named_from_its_message_id()
    {
        var root = Path.Combine(Path.GetTempPath(), "leadops-unit-" + Guid.NewGuid().ToString("N"));
        try
        {
            var channel = Channel(new SmtpOptions(), environment: "Development", contentRoot: root);

            var first = await channel.SendAsync(Message("ana@example.test"), CancellationToken.None);
            var again = await channel.SendAsync(Message("ana@example.test"), CancellationToken.None);

            var files = Directory.GetFiles(Path.Combine(root, "App_Data", "mail"));
            Assert.Multiple(() =>
            {
                Assert.That(first.Status, Is.EqualTo(WelcomeSendStatus.Sent));
                Assert.That(again.Status, Is.EqualTo(WelcomeSendStatus.Sent));
                Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "welcome-42-0123456789abcdef.eml" }), "a resend replaces the same file");
                Assert.That(File.ReadAllText(files[0]), Does.Contain("Message-Id: <welcome-42-0123456789abcdef@leadops.local>"));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static WelcomeMessage Message(string email) =>
        new("welcome-42-0123456789abcdef@leadops.local", new WelcomeRecipient("Ana", email, null), "Hi Ana", "Hello", "<p>Hello</p>");

    private static SmtpWelcomeChannel Channel(SmtpOptions smtp, string environment = "Production", string? contentRoot = null)
    {
        var host = new Mock<IHostEnvironment>();
        host.SetupGet(h => h.EnvironmentName).Returns(environment);
        host.SetupGet(h => h.ContentRootPath).Returns(contentRoot ?? Path.GetTempPath());
        var options = Options.Create(smtp);
        return new SmtpWelcomeChannel(options, new MailPickupFolder(options, host.Object), new FakeTimeProvider(), NullLogger<SmtpWelcomeChannel>.Instance);
    }
}
