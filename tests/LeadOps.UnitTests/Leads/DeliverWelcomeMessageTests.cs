using LeadOps.Application.Common;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads.Welcome;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Leads;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DeliverWelcomeMessageTests
{
    private const string Worker = "node-1/7/abc";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly Mock<IWelcomeChannel> _channel = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();

    [Test]
    public async Task A_message_whose_claim_was_lost_is_left_alone()
    {
        var outbox = new Mock<IWelcomeOutbox>();
        var outcome = await Handler(outbox.Object, integration: null).Handle(new DeliverWelcomeMessage(1, Worker), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.ClaimLost));
        _channel.Verify(c => c.SendAsync(It.IsAny<WelcomeMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_sent_message_is_recorded_with_its_lead_in_one_save()
    {
        var row = Claimed(attempts: 1);
        _channel.Setup(c => c.SendAsync(It.IsAny<WelcomeMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(WelcomeSendResult.Sent);

        var outcome = await Handle(row, new Integration { Id = 5, PageName = "Lisbon Bikes" });

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.Sent));
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent));
            Assert.That(row.SentAt, Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(row.MessageId, Is.EqualTo(WelcomeRenderer.MessageIdFor(row.Lead)));
            Assert.That(row.ClaimedBy, Is.Null);
        });
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_failed_attempt_is_retried_later_and_the_last_allowed_one_fails_the_message()
    {
        _channel.Setup(c => c.SendAsync(It.IsAny<WelcomeMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(WelcomeSendResult.RetryLater("down"));
        var early = Claimed(attempts: 2);
        var last = Claimed(attempts: WelcomeRetryPolicy.Default.MaxAttempts);

        var first = await Handle(early, new Integration { Id = 5 });
        var second = await Handle(last, new Integration { Id = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(WelcomeDeliveryOutcome.RetryScheduled));
            Assert.That(early.Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(early.NextAttemptAt, Is.EqualTo(_clock.GetUtcNow() + TimeSpan.FromMinutes(2)));
            Assert.That(early.LastError, Is.EqualTo("down"));
            Assert.That(early.ClaimedBy, Is.Null);
            Assert.That(second, Is.EqualTo(WelcomeDeliveryOutcome.Failed));
            Assert.That(last.Status, Is.EqualTo(OutboxStatus.Failed));
            Assert.That(last.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Failed));
            Assert.That(last.LastError, Is.EqualTo("down (gave up after 6 attempts)"));
        });
    }

    [Test]
    public async Task A_refused_address_fails_at_once()
    {
        _channel.Setup(c => c.SendAsync(It.IsAny<WelcomeMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(WelcomeSendResult.Rejected("550 no such user"));
        var row = Claimed(attempts: 1);

        Assert.That(await Handle(row, new Integration { Id = 5 }), Is.EqualTo(WelcomeDeliveryOutcome.Failed));
        Assert.That(row.LastError, Is.EqualTo("550 no such user"));
    }

    [Test]
    public async Task Unreachable_leads_deleted_integrations_and_switched_off_welcomes_are_skipped_with_the_reason()
    {
        _channel.Setup(c => c.Unreachable(It.Is<WelcomeRecipient>(r => r.Email == null))).Returns("Skipped (no e-mail)");
        var noEmail = Claimed(attempts: 1);
        noEmail.Lead!.Email = null;
        var gone = Claimed(attempts: 1);
        var off = Claimed(attempts: 1);

        await Handle(noEmail, new Integration { Id = 5 });
        await Handle(gone, integration: null);
        await Handle(off, new Integration { Id = 5, WelcomeEnabled = false });

        Assert.Multiple(() =>
        {
            Assert.That(noEmail.LastError, Is.EqualTo("Skipped (no e-mail)"));
            Assert.That(gone.LastError, Is.EqualTo("Skipped (integration deleted)"));
            Assert.That(off.LastError, Is.EqualTo("Skipped (disabled)"));
            Assert.That(new[] { noEmail, gone, off }.Select(r => r.Lead!.WelcomeStatus), Is.All.EqualTo(WelcomeStatus.Skipped));
        });
        _channel.Verify(c => c.SendAsync(It.IsAny<WelcomeMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private async Task<WelcomeDeliveryOutcome> Handle(OutboxMessage row, Integration? integration)
    {
        var outbox = new Mock<IWelcomeOutbox>();
        outbox.Setup(o => o.GetClaimedAsync(row.Id, Worker, It.IsAny<CancellationToken>())).ReturnsAsync(row);
        return await Handler(outbox.Object, integration).Handle(new DeliverWelcomeMessage(row.Id, Worker), CancellationToken.None);
    }

    private DeliverWelcomeMessageHandler Handler(IWelcomeOutbox outbox, Integration? integration)
    {
        var integrations = new Mock<IIntegrationRepository>();
        integrations.Setup(i => i.GetWithoutFormsAsync(5, It.IsAny<CancellationToken>())).ReturnsAsync(integration);
        return new DeliverWelcomeMessageHandler(
            outbox, integrations.Object, _channel.Object, WelcomeRetryPolicy.Default, _unitOfWork.Object, _clock, NullLogger<DeliverWelcomeMessageHandler>.Instance);
    }

    private static OutboxMessage Claimed(int attempts)
    {
        var lead = new Lead { Id = 42, OwnerId = "owner-1", FacebookLeadId = "123", IntegrationId = 5, FirstName = "Ana", Email = "ana@example.test" };
        return new OutboxMessage { Id = 7, LeadId = 42, Lead = lead, Attempts = attempts, ClaimedBy = Worker, ClaimedUntil = DateTimeOffset.MaxValue };
    }
}
