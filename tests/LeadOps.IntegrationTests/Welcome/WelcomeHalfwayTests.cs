using LeadOps.Domain.Leads;
using LeadOps.Infrastructure.Welcome;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>
/// Welcome messages whose attempts keep stopping halfway (after the message left, before its outcome was saved) are not
/// sent for ever, and staff see that the message needs them; a recipient the mail server refuses fails alone.
/// </summary>
public sealed class WelcomeHalfwayTests(DatabaseKind database) : WelcomeFixture(database)
{
    [Test]
    public async Task A_message_whose_outcome_is_never_recorded_stops_after_the_configured_attempts_and_is_failed_for_staff()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email);

        // Every attempt hands the message to the mail server, then stops on an error LeadOps does not expect.
        Channel.AfterSend = (_, _, _) => throw new InvalidOperationException("the outcome could not be recorded");

        var worker = NewWorker();
        for (var lease = 0; lease < MaxAttempts + 3; lease++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
            Clock.Advance(Lease);
        }

        var row = await WelcomeOfAsync(staff, leadId);
        var copies = Smtp.To(email);
        using var browser = await App.SignedInClientAsync(staff);
        var panel = await browser.GetStringAsync($"/Leads/{leadId}/welcome?handler=Panel");
        Assert.Multiple(() =>
        {
            Assert.That(copies, Has.Count.EqualTo(MaxAttempts), "sent no more than the configured attempts");
            Assert.That(copies.Select(c => c.Message.MessageId).Distinct().Count(), Is.EqualTo(1), "one Message-ID");
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Failed), "given up on, where staff see it");
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Failed));
            Assert.That(row.ClaimedBy, Is.Null);
            Assert.That(row.LastError, Does.Contain($"{MaxAttempts} attempts").And.Contain("may already have"));
            Assert.That(row.Attempts, Is.EqualTo(MaxAttempts), "the claim that sent nothing is not an attempt");
            Assert.That(panel, Does.Contain($"data-test=\"welcome-attempts\">{MaxAttempts} of {MaxAttempts}<"));
        });

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await DrainAsync(worker), Is.Zero, "a failed message waits for staff");
        Assert.That(Smtp.To(email), Has.Count.EqualTo(MaxAttempts));
    }

    [Test]
    public async Task A_message_past_a_lowered_limit_is_failed_saying_its_attempts_failed_not_that_the_lead_may_have_it()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email);

        // Two attempts, each recorded as failed: the mail server is down.
        await Smtp.StopAsync();
        var worker = NewWorker();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.That((await WelcomeOfAsync(staff, leadId)).Attempts, Is.EqualTo(2));

        // The app starts again with Welcome:MaxAttempts lowered below the attempts the message has had.
        await using var lowered = await TestApp.Create(Database).OnDatabase(App.ConnectionString).WithSmtp().WithClock(Clock)
            .WithSetting("Welcome:WorkerEnabled", "false")
            .WithSetting("Welcome:MaxAttempts", "1")
            .StartAsync();
        await ActivatorUtilities.CreateInstance<WelcomeOutboxWorker>(lowered.Services).ProcessDueAsync(CancellationToken.None);

        var row = await WelcomeOfAsync(staff, leadId);
        using var browser = await lowered.SignedInClientAsync(staff);
        var panel = await browser.GetStringAsync($"/Leads/{leadId}/welcome?handler=Panel");
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Failed));
            Assert.That(row.Attempts, Is.EqualTo(2));
            Assert.That(row.LastError, Does.StartWith("Not sent again after 2 attempts: the limit is now 1.")
                .And.Contain("Could not connect to the mail server")
                .And.Not.Contain("may already have"));
            Assert.That(panel, Does.Contain("data-test=\"welcome-attempts\">2, the limit is now 1<"));
            Assert.That(lowered.Smtp.To(email), Is.Empty, "nothing sent");
        });
    }

    [Test]
    public async Task A_recipient_the_mail_server_refuses_is_failed_at_once_with_the_reason_and_the_others_arrive_once()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var refused = $"refused-{Guid.NewGuid():N}@example.test";
        var emails = new[] { NewEmail(), refused, NewEmail() };
        var leadIds = new List<long>();
        foreach (var email in emails)
        {
            leadIds.Add(await CreateLeadAsync(staff, integration, email));
        }

        Assert.That(await DrainAsync(), Is.EqualTo(3));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await DrainAsync(), Is.Zero, "nothing is tried again");

        foreach (var (email, leadId) in emails.Zip(leadIds))
        {
            var row = await WelcomeOfAsync(staff, leadId);
            Assert.Multiple(() =>
            {
                if (email == refused)
                {
                    Assert.That(Smtp.To(email), Is.Empty);
                    Assert.That(row.Status, Is.EqualTo(OutboxStatus.Failed), "failed at once, where staff see it");
                    Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Failed));
                    Assert.That(row.Attempts, Is.EqualTo(1));
                    Assert.That(row.LastError, Does.StartWith("The mail server refused the address: 550"));
                }
                else
                {
                    Assert.That(Smtp.To(email), Has.Count.EqualTo(1), email);
                    Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
                }
            });
        }
    }
}
