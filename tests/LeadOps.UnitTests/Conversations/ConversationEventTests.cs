using LeadOps.Application.Common.Audit;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.Domain.Conversations.Events;

namespace LeadOps.UnitTests.Conversations;

/// <summary>What each conversation event leaves in the audit trail and pushes to the Inbox (ADR 0008).</summary>
public sealed class ConversationEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Conversation Customer()
    {
        var conversation = Conversation.Start(1, "page", "7001", Now.AddHours(-1));
        conversation.OwnerId = "owner-1";
        conversation.RecordCustomerMessage("hello", Now.AddHours(-1));
        conversation.ClearDomainEvents(); // the start (indexed for search, neither audited nor pushed) is not what these tests look at
        return conversation;
    }

    [Test]
    public void Every_staff_action_is_audited_and_only_a_change_is_pushed()
    {
        var conversation = Customer();
        conversation.Escalate("wants a person", Now);
        conversation.Escalate("again", Now);
        conversation.Take("u1", "ana@shop.test");
        conversation.Release();
        conversation.Resolve(Now);

        var audit = conversation.DomainEvents.Select(ConversationAudit.For).ToList();
        var id = conversation.Id.ToString();
        Assert.That(audit, Is.EqualTo(new[]
        {
            new AuditRecord(AuditActions.Escalate, AuditActions.Conversation, id, AuditActions.Ok, "wants a person"),
            new AuditRecord(AuditActions.Escalate, AuditActions.Conversation, id, AuditActions.Unchanged, "wants a person"),
            new AuditRecord(AuditActions.Take, AuditActions.Conversation, id, AuditActions.Ok, null),
            new AuditRecord(AuditActions.Release, AuditActions.Conversation, id, AuditActions.Ok, null),
            new AuditRecord(AuditActions.Resolve, AuditActions.Conversation, id, AuditActions.Ok, null),
        }));
        Assert.That(conversation.DomainEvents.Select(InboxPushes.For).Count(p => p is not null), Is.EqualTo(4), "the unchanged escalation pushes nothing");
    }

    [Test]
    public void A_reply_takes_the_conversation_without_a_separate_take()
    {
        var conversation = Customer();
        var plan = conversation.PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);

        var message = conversation.WriteReply("u1", "ana@shop.test", "On our way", "key-1", plan, null, Now);

        Assert.That(conversation.State, Is.EqualTo(ConversationState.HumanActive));
        Assert.That(conversation.DomainEvents, Has.Count.EqualTo(1).And.All.InstanceOf<ReplyWritten>());
        Assert.That(conversation.DomainEvents.Select(ConversationAudit.For), Has.All.Null);
        Assert.That(InboxPushes.For(conversation.DomainEvents[0]), Is.EqualTo(new InboxChange("owner-1", conversation.Id, InboxChangeKind.MessageSent, message.Id)));
    }

    [Test]
    public void A_refused_first_send_is_audited_with_the_callers_note_and_pushed_once_as_the_new_message()
    {
        var conversation = Conversation.Start(1, "page", "7001", Now);
        conversation.OwnerId = "owner-1";
        var plan = conversation.PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);

        conversation.WriteReply("u1", null, "Hi", "key-1", plan, "test message", Now);

        var audit = conversation.DomainEvents.Select(ConversationAudit.For).OfType<AuditRecord>().Single();
        Assert.That((audit.Action, audit.Outcome, audit.Detail), Is.EqualTo((AuditActions.SendMessage, AuditActions.Refused, $"{plan.Refusal} (test message)")));
        Assert.That(conversation.DomainEvents.Select(InboxPushes.For).OfType<InboxChange>().Select(c => c.Kind), Is.EqualTo(new[] { InboxChangeKind.MessageSent }));
    }

    [Test]
    public void Sent_and_failed_replies_name_the_message_and_a_retry_says_so()
    {
        var conversation = Customer();
        var plan = conversation.PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);
        var message = conversation.WriteReply("u1", null, "Hi", "key-1", plan, null, Now);
        message.Id = 42;
        conversation.ClearDomainEvents();

        conversation.RecordReplySent(message, plan, ReplyAttempt.First(null), Now);
        conversation.RecordReplyFailed(message, SendFailure.Temporary, "Facebook had a temporary problem.", ReplyAttempt.Retry);
        conversation.RecordReplyFailed(message, SendFailure.Temporary, "Facebook had a temporary problem.", ReplyAttempt.First("test message"));

        var audit = conversation.DomainEvents.Select(ConversationAudit.For).OfType<AuditRecord>().Select(a => (a.Action, a.Outcome, a.Detail)).ToList();
        Assert.That(audit, Is.EqualTo(new[]
        {
            (AuditActions.SendMessage, AuditActions.Sent, (string?)"message 42 as RESPONSE"),
            (AuditActions.RetryMessage, AuditActions.Failed, (string?)"Facebook had a temporary problem. (message 42; message 42)"),
            (AuditActions.SendMessage, AuditActions.Failed, (string?)"Facebook had a temporary problem. (message 42; test message)"),
        }));
        Assert.That(conversation.DomainEvents.Select(InboxPushes.For).OfType<InboxChange>().Select(c => (c.Kind, c.MessageId)), Is.EqualTo(new[]
        {
            (InboxChangeKind.MessageSent, (long?)42), (InboxChangeKind.MessageStatusChanged, 42), (InboxChangeKind.MessageStatusChanged, 42),
        }));
    }

    [Test]
    public void A_reply_meta_took_without_a_confirmation_is_audited_as_unconfirmed_and_answers_the_customer()
    {
        var conversation = Customer();
        var plan = conversation.PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);
        var message = conversation.WriteReply("u1", null, "Hi", "key-1", plan, null, Now);
        message.Id = 42;
        conversation.ClearDomainEvents();

        conversation.RecordReplyUnconfirmed(message, plan, ReplyAttempt.Retry, Now.AddSeconds(1));

        var audit = conversation.DomainEvents.Select(ConversationAudit.For).OfType<AuditRecord>().Select(a => (a.Action, a.Outcome, a.Detail)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(audit, Is.EqualTo(new[] { (AuditActions.RetryMessage, AuditActions.Unconfirmed, (string?)"message 42 as RESPONSE: Meta took it without a confirmation (message 42)") }));
            Assert.That(conversation.DomainEvents.Select(InboxPushes.For).OfType<InboxChange>().Select(c => (c.Kind, c.MessageId)), Is.EqualTo(new[] { (InboxChangeKind.MessageStatusChanged, (long?)42) }));
            Assert.That(conversation.LastMessageAt, Is.EqualTo(Now.AddSeconds(1)), "the customer has an answer");
        });
    }

    [Test]
    public void Webhook_events_push_what_arrived_and_audit_nothing()
    {
        var conversation = Conversation.Start(1, "page", "7001", Now);
        conversation.OwnerId = "owner-1";
        conversation.ReceiveCustomerMessage("m1", "hello", Now);
        conversation.RecordEcho(MessageSender.Bot, "m2", "hi, I'm the bot", Now);
        conversation.RecordReceipt();

        Assert.That(conversation.DomainEvents.Select(ConversationAudit.For), Has.All.Null);
        Assert.That(conversation.DomainEvents.Select(InboxPushes.For).OfType<InboxChange>().Select(c => c.Kind), Is.EqualTo(new[]
        {
            InboxChangeKind.MessageReceived, InboxChangeKind.MessageSent, InboxChangeKind.MessageStatusChanged,
        }));
    }

    [Test]
    public void Events_are_kept_until_cleared()
    {
        var conversation = Customer();
        conversation.Resolve(Now);
        Assert.That(conversation.DomainEvents, Has.Count.EqualTo(1));
        conversation.ClearDomainEvents();
        Assert.That(conversation.DomainEvents, Is.Empty);
    }
}
