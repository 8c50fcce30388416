using System.Collections.Concurrent;
using LeadOps.Application.Common;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Common.Events;
using LeadOps.Application.Conversations;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Domain.Common;
using LeadOps.GraphSandbox;
using LeadOps.Domain.Conversations;
using LeadOps.Domain.Conversations.Events;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A sent reply's status, the conversation's record of it and its audit row commit in one transaction, and the live push
/// goes out only after that commit (ADR 0008): a handler acting after the commit reads them from another connection.
/// A transaction that rolls back pushes nothing and leaves no audit row.
/// </summary>
public sealed class ReplyCommitOrderTests(DatabaseKind database) : AppFixture(database)
{
    private static int _psidCounter;
    private readonly CommittedStateProbe _probe = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 })
        .WithSetting("Scheduling:Enabled", "false")
        .WithServices(services =>
        {
            services.AddSingleton<IDomainEventHandler>(_probe);
            var unitOfWork = services.Single(d => d.ServiceType == typeof(IUnitOfWork));
            services.Remove(unitOfWork);
            services.AddScoped(unitOfWork.ImplementationType!);
            services.AddScoped<IUnitOfWork>(sp => new FailingRecordUnitOfWork((IUnitOfWork)sp.GetRequiredService(unitOfWork.ImplementationType!)));
        });

    [OneTimeSetUp]
    public void StopWebhooks()
    {
        // The test records the customer's message itself; the sandbox's echoes of the replies stay away.
        App.Webhooks.ForwardTo?.Dispose();
        App.Webhooks.ForwardTo = null;
    }

    [Test]
    public async Task A_sent_reply_is_pushed_only_once_its_status_and_audit_row_are_committed()
    {
        var (user, conversationId) = await ConversationAsync();
        _probe.Read = e => e is ReplySent sent ? ReadCommittedAsync(user, sent.Conversation.Id, sent.Message.Id) : null;

        var result = await App.SendAsync(user, new SendAdminMessage(conversationId, "We will call you today."));

        Assert.That(result.Value?.Status, Is.EqualTo(MessageStatus.Sent), result.Error);
        var seen = _probe.Seen.Where(s => s.Event is ReplySent r && r.Conversation.Id == conversationId).ToList();
        Assert.That(seen, Has.Count.EqualTo(1), "one push for the sent reply");
        Assert.Multiple(() =>
        {
            Assert.That(seen[0].Committed.Status, Is.EqualTo(MessageStatus.Sent), "the status was committed before the push");
            Assert.That(seen[0].Committed.Mid, Is.Not.Null);
            Assert.That(seen[0].Committed.SentAudits, Is.EqualTo(1), "the audit row was committed before the push");
        });
    }

    [Test]
    public async Task A_reply_Meta_took_whose_record_fails_stays_sending_is_not_sent_again_and_its_echo_marks_it_sent()
    {
        var (user, conversationId) = await ConversationAsync();
        const string Text = "Your Trail X9 is ready for collection.";
        int SentToCustomer() => Graph.SentMessages.Count(m => m.Text == Text);

        var result = await FailingRecordUnitOfWork.FailingOnceAsync(() => App.SendAsync(user, new SendAdminMessage(conversationId, Text)));

        Assert.That(result.Value, Is.Not.Null, result.Error);
        var messageId = result.Value!.MessageId;
        Assert.Multiple(() =>
        {
            Assert.That(SentToCustomer(), Is.EqualTo(1), "Meta took the reply");
            Assert.That(result.Value.Status, Is.EqualTo(MessageStatus.Sending), "not Failed: Meta has it");
            Assert.That(result.Value.Error, Is.EqualTo(ReplyOutcome.RecordPending));
        });
        var stored = await ReadCommittedAsync(user, conversationId, messageId);
        Assert.That(stored.Status, Is.EqualTo(MessageStatus.Sending));

        var retried = await App.SendAsync(user, new RetryMessage(conversationId, messageId));
        Assert.Multiple(() =>
        {
            Assert.That(retried.Value?.Status, Is.EqualTo(MessageStatus.Sending), retried.Error);
            Assert.That(SentToCustomer(), Is.EqualTo(1), "a retry does not send the customer the same message twice");
        });

        // Meta's echo of the reply names its id: the reply is then sent, not a second message.
        var mid = Graph.SentMessages.Single(m => m.Text == Text).MessageId;
        var conversation = (await App.SendAsync(user, new GetConversation(conversationId))).Value!.Conversation;
        var echo = new MessengerWebhookEvent(MessengerEventKind.Echo, SandboxSeed.MainPageId, conversation.Psid, DateTimeOffset.UtcNow, Mid: mid, Text: Text, AppId: Graph.Options.AppId);
        var recorded = await App.SendAsync(user, new RecordMessengerEvent(conversation.IntegrationId, echo));
        var after = await ReadCommittedAsync(user, conversationId, messageId);
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Value, Is.EqualTo(MessengerEventOutcome.Updated), recorded.Error);
            Assert.That(after.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(after.Mid, Is.EqualTo(mid));
        });
    }

    [Test]
    public async Task A_save_in_a_transaction_that_rolls_back_pushes_nothing_and_audits_nothing()
    {
        var (user, conversationId) = await ConversationAsync();
        _probe.Read = e => e is ConversationEscalated x && x.Conversation.Id == conversationId ? ReadCommittedAsync(user, conversationId, 0) : null;
        var auditsBefore = await AuditCountAsync(user, conversationId);

        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                Assert.That(conversation.Escalate("asks for a person", DateTimeOffset.UtcNow), Is.True);
                await db.SaveChangesAsync();
                Assert.That(_probe.Seen.Any(s => s.Event is ConversationEscalated x && x.Conversation.Id == conversationId), Is.False, "nothing is pushed before the commit");
                await transaction.RollbackAsync();
            }

            // The change went with the transaction, and so did its events: a later save has nothing to tell.
            await db.SaveChangesAsync();
        }

        var audits = await AuditCountAsync(user, conversationId);
        var state = (await App.SendAsync(user, new GetConversation(conversationId))).Value!.Conversation.State;
        Assert.Multiple(() =>
        {
            Assert.That(_probe.Seen.Any(s => s.Event is ConversationEscalated x && x.Conversation.Id == conversationId), Is.False, "no push for a rolled-back change");
            Assert.That(audits, Is.EqualTo(auditsBefore), "no audit row for a rolled-back change");
            Assert.That(state, Is.EqualTo(ConversationState.Bot));
        });
    }

    [Test]
    public async Task A_save_in_a_transaction_is_pushed_once_after_the_commit()
    {
        var (user, conversationId) = await ConversationAsync();
        _probe.Read = e => e is ConversationEscalated x && x.Conversation.Id == conversationId ? ReadCommittedAsync(user, conversationId, 0) : null;

        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
            await using var transaction = await db.Database.BeginTransactionAsync();
            conversation.Escalate("asks for a person", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            Assert.That(_probe.Seen.Any(s => s.Event is ConversationEscalated x && x.Conversation.Id == conversationId), Is.False, "nothing is pushed before the commit");
            await transaction.CommitAsync();
        }

        var seen = _probe.Seen.Where(s => s.Event is ConversationEscalated x && x.Conversation.Id == conversationId).ToList();
        Assert.That(seen, Has.Count.EqualTo(1));
        Assert.That(seen[0].Committed.State, Is.EqualTo(ConversationState.NeedsHuman), "the change was committed before the push");
    }

    private async Task<(TestUser User, Guid ConversationId)> ConversationAsync()
    {
        var user = await App.NewUserAsync();
        var connected = await App.SendAsync(user, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Detail ?? connected.Error);
        var psid = "75" + Interlocked.Increment(ref _psidCounter).ToString("D14", System.Globalization.CultureInfo.InvariantCulture);
        const string Text = "Is the Trail X9 in stock?";
        var mid = Graph.CustomerSendsMessage(SandboxSeed.MainPageId, psid, Text); // the sandbox knows the customer; its webhook stays away
        var message = new MessengerWebhookEvent(MessengerEventKind.Message, SandboxSeed.MainPageId, psid, DateTimeOffset.UtcNow, Mid: mid, Text: Text);
        var recorded = await App.SendAsync(user, new RecordMessengerEvent(connected.Value!.Id, message));
        Assert.That(recorded.Value, Is.EqualTo(MessengerEventOutcome.Stored), recorded.Error);
        var conversation = (await App.SendAsync(user, new ListConversations())).Items.Single();
        return (user, conversation.Id);
    }

    /// <summary>What another connection sees, i.e. what is committed.</summary>
    private async Task<Committed> ReadCommittedAsync(TestUser user, Guid conversationId, long messageId)
    {
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var message = await db.MessengerMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.Status, m.Mid }).SingleOrDefaultAsync();
        var state = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.State).SingleAsync();
        var sentAudits = messageId == 0 ? 0 : await db.AuditEntries.AsNoTracking().CountAsync(a => a.SubjectId == conversationId.ToString() && a.Action == AuditActions.SendMessage && a.Outcome == AuditActions.Sent && a.Detail != null && a.Detail.StartsWith(SentDetail(messageId)));
        return new Committed(message?.Status, message?.Mid, state, sentAudits);
    }

    private static string SentDetail(long messageId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"message {messageId} as ");

    private async Task<int> AuditCountAsync(TestUser user, Guid conversationId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).AuditEntries.AsNoTracking().CountAsync(a => a.SubjectId == conversationId.ToString());
    }

    private sealed record Committed(MessageStatus? Status, string? Mid, ConversationState State, int SentAudits);

    private sealed record Observation(IDomainEvent Event, Committed Committed);

    /// <summary>
    /// The app's unit of work, whose first transactional save within <see cref="FailingOnceAsync{T}"/> fails: the database
    /// failing for a moment just after Meta took a reply. (The flag is cleared in the flow that saves, so a save after
    /// it, such as recording a failure, works; it is set for the one call only.)
    /// </summary>
    private sealed class FailingRecordUnitOfWork(IUnitOfWork inner) : IUnitOfWork
    {
        private static readonly AsyncLocal<bool> Fail = new();

        public static async Task<T> FailingOnceAsync<T>(Func<Task<T>> call)
        {
            Fail.Value = true;
            try
            {
                return await call();
            }
            finally
            {
                Fail.Value = false;
            }
        }

        public Task SaveChangesAsync(CancellationToken cancellationToken) => inner.SaveChangesAsync(cancellationToken);

        public Task SaveChangesAsync(Func<CancellationToken, Task> storeFirst, CancellationToken cancellationToken)
        {
            if (!Fail.Value)
            {
                return inner.SaveChangesAsync(storeFirst, cancellationToken);
            }

            Fail.Value = false;
            throw new InvalidOperationException("The database is unavailable.");
        }
    }

    /// <summary>An after-commit handler like the Inbox's push: it records each event with what was committed when it ran.</summary>
    private sealed class CommittedStateProbe : IDomainEventHandler
    {
        public Func<IDomainEvent, Task<Committed>?> Read { get; set; } = _ => null;

        public ConcurrentQueue<Observation> Seen { get; } = new();

        public async ValueTask OnCommittedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
        {
            if (Read(domainEvent) is { } reading)
            {
                Seen.Enqueue(new Observation(domainEvent, await reading));
            }
        }
    }
}
