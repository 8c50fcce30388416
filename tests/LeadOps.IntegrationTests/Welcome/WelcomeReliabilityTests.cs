using LeadOps.Application.Leads.Welcome;
using LeadOps.Domain.Leads;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>
/// Exactly one welcome per lead when the mail server is down, when workers race, and when a worker dies between
/// sending and recording (the one case that may send once more, with the same Message-ID).
/// </summary>
public sealed class WelcomeReliabilityTests(DatabaseKind database) : WelcomeFixture(database)
{
    [Test]
    public async Task With_the_mail_server_down_messages_stay_pending_retry_with_backoff_and_arrive_once_it_is_back()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        await Smtp.StopAsync();
        var emails = new[] { NewEmail(), NewEmail(), NewEmail() };
        var leadIds = new List<long>();
        foreach (var email in emails)
        {
            leadIds.Add(await CreateLeadAsync(staff, integration, email));
        }

        var worker = NewWorker();
        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.EqualTo(3), "first attempt");
        foreach (var leadId in leadIds)
        {
            var row = await WelcomeOfAsync(staff, leadId);
            Assert.Multiple(() =>
            {
                Assert.That(row.Status, Is.EqualTo(OutboxStatus.Pending));
                Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Pending));
                Assert.That(row.Attempts, Is.EqualTo(1));
                Assert.That(row.LastError, Does.StartWith("Could not connect to the mail server"));
                Assert.That(row.NextAttemptAt, Is.EqualTo(Clock.GetUtcNow() + FirstRetryDelay));
                Assert.That(row.ClaimedBy, Is.Null);
            });
        }

        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.Zero, "not due again before the backoff");
        Clock.Advance(FirstRetryDelay);
        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.EqualTo(3), "second attempt, still down");
        var second = await WelcomeOfAsync(staff, leadIds[0]);
        Assert.That(second.NextAttemptAt, Is.EqualTo(Clock.GetUtcNow() + (2 * FirstRetryDelay)), "the wait doubles");

        await Smtp.StartAsync();
        Clock.Advance(2 * FirstRetryDelay);
        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.EqualTo(3), "third attempt, server back");

        foreach (var (email, leadId) in emails.Zip(leadIds))
        {
            var row = await WelcomeOfAsync(staff, leadId);
            Assert.Multiple(() =>
            {
                Assert.That(Smtp.To(email), Has.Count.EqualTo(1), email);
                Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
                Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent));
                Assert.That(row.Attempts, Is.EqualTo(3));
            });
        }
    }

    [Test]
    public async Task A_message_the_server_never_takes_is_failed_with_the_reason_after_the_configured_attempts()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        await Smtp.StopAsync();
        var leadId = await CreateLeadAsync(staff, integration, NewEmail());

        var worker = NewWorker();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.EqualTo(1), $"attempt {attempt}");
            Clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Failed));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Failed));
            Assert.That(row.Attempts, Is.EqualTo(MaxAttempts));
            Assert.That(row.LastError, Does.StartWith("Could not connect to the mail server").And.EndWith($"(gave up after {MaxAttempts} attempts)"));
        });
        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.Zero, "a failed message waits for staff");
    }

    [Test]
    public async Task Two_workers_interleaved_never_take_the_same_message()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var emails = Enumerable.Range(0, 4).Select(_ => NewEmail()).ToList();
        var leadIds = new List<long>();
        foreach (var email in emails)
        {
            leadIds.Add(await CreateLeadAsync(staff, integration, email));
        }

        // Worker A is held just after its first send, before recording it; worker B runs a whole pass meanwhile.
        var aHasSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = 0;
        Channel.AfterSend = async (_, result, _) =>
        {
            if (Interlocked.Increment(ref sends) == 1)
            {
                aHasSent.SetResult();
                await releaseA.Task;
            }

            return result;
        };

        var workerA = NewWorker();
        var workerB = NewWorker();
        var passA = Task.Run(() => workerA.ProcessDueAsync(CancellationToken.None));
        await aHasSent.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var handledByB = await workerB.ProcessDueAsync(CancellationToken.None);
        releaseA.SetResult();
        var handledByA = await passA;

        Assert.Multiple(() =>
        {
            Assert.That(handledByA, Is.EqualTo(1), "A kept the one it had claimed and found the rest taken");
            Assert.That(handledByB, Is.EqualTo(3), "B left A's claimed row alone");
            Assert.That(sends, Is.EqualTo(4));
        });
        foreach (var (email, leadId) in emails.Zip(leadIds))
        {
            Assert.That(Smtp.To(email), Has.Count.EqualTo(1), email);
            Assert.That((await WelcomeOfAsync(staff, leadId)).Status, Is.EqualTo(OutboxStatus.Sent));
        }
    }

    [Test]
    public async Task Two_workers_running_concurrently_send_every_message_once()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var emails = Enumerable.Range(0, 16).Select(_ => NewEmail()).ToList();
        var leadIds = new List<long>();
        foreach (var email in emails)
        {
            leadIds.Add(await CreateLeadAsync(staff, integration, email));
        }

        var workers = new[] { NewWorker(), NewWorker() };
        var total = 0;
        for (var round = 0; round < 10; round++)
        {
            var handled = await Task.WhenAll(workers.Select(w => Task.Run(() => w.ProcessDueAsync(CancellationToken.None))));
            if (handled.Sum() == 0)
            {
                break;
            }

            total += handled.Sum();
        }

        Assert.That(total, Is.EqualTo(16), "each message handled by exactly one worker");
        foreach (var (email, leadId) in emails.Zip(leadIds))
        {
            Assert.That(Smtp.To(email), Has.Count.EqualTo(1), email);
            Assert.That((await WelcomeOfAsync(staff, leadId)).Status, Is.EqualTo(OutboxStatus.Sent));
        }
    }

    [Test]
    public async Task A_worker_stopped_between_sending_and_recording_sends_at_most_once_more_with_the_same_message_id()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email);

        // The message leaves, then the process stops before the outcome is saved.
        using var stop = new CancellationTokenSource();
        Channel.AfterSend = (_, _, _) =>
        {
            Channel.AfterSend = null;
            stop.Cancel();
            stop.Token.ThrowIfCancellationRequested();
            return Task.FromResult(WelcomeSendResult.Sent);
        };
        var stopped = NewWorker();
        Assert.CatchAsync<OperationCanceledException>(() => stopped.ProcessDueAsync(stop.Token));

        var afterCrash = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(Smtp.To(email), Has.Count.EqualTo(1), "it was sent");
            Assert.That(afterCrash.Status, Is.EqualTo(OutboxStatus.Pending), "but not recorded");
            Assert.That(afterCrash.ClaimedBy, Is.EqualTo(stopped.Id));
        });

        var other = NewWorker();
        Assert.That(await other.ProcessDueAsync(CancellationToken.None), Is.Zero, "nobody takes it while the dead worker's lease runs");
        Clock.Advance(Lease);
        Assert.That(await other.ProcessDueAsync(CancellationToken.None), Is.EqualTo(1), "the lapsed claim is taken over");
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await DrainAsync(), Is.Zero);

        var copies = Smtp.To(email);
        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(copies, Has.Count.EqualTo(2), "at most once more");
            Assert.That(copies.Select(c => c.Message.MessageId).Distinct().ToList(), Is.EqualTo(new[] { row.MessageId }), "the same Message-ID");
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent));
            Assert.That(row.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_worker_whose_claim_lapsed_mid_send_cannot_overwrite_what_the_next_worker_recorded()
    {
        var staff = await App.NewUserAsync();
        var integration = await CreateIntegrationAsync(staff);
        var email = NewEmail();
        var leadId = await CreateLeadAsync(staff, integration, email);

        // A sends but hangs past its lease; B takes the row over and records Sent; then A comes back claiming failure.
        var aHasSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = 0;
        Channel.AfterSend = async (_, result, _) =>
        {
            if (Interlocked.Increment(ref sends) > 1)
            {
                return result;
            }

            aHasSent.SetResult();
            await releaseA.Task;
            return WelcomeSendResult.RetryLater("The connection to the mail server broke off.");
        };

        var workerA = NewWorker();
        var passA = Task.Run(() => workerA.ProcessDueAsync(CancellationToken.None));
        await aHasSent.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Clock.Advance(Lease);
        var workerB = NewWorker();
        Assert.That(await workerB.ProcessDueAsync(CancellationToken.None), Is.EqualTo(1));
        var recordedByB = await WelcomeOfAsync(staff, leadId);
        releaseA.SetResult();
        await passA;

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent), "A's late outcome was refused");
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Sent));
            Assert.That(row.SentAt, Is.EqualTo(recordedByB.SentAt));
            Assert.That(row.LastError, Is.Null);
            Assert.That(Smtp.To(email).Select(m => m.Message.MessageId).Distinct().Count(), Is.EqualTo(1));
        });
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(await DrainAsync(), Is.Zero, "nothing left to send a third time");
        Assert.That(Smtp.To(email), Has.Count.EqualTo(2));
    }
}
