using LeadOps.Domain.Conversations;

namespace LeadOps.UnitTests.Conversations;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Conversation WroteAgo(TimeSpan age)
    {
        var conversation = Conversation.Start(1, "page", "7001", Now - age);
        conversation.RecordCustomerMessage("hello", Now - age);
        return conversation;
    }

    [Test]
    public void A_new_opt_in_token_replaces_the_old_one_with_its_own_expiry_and_an_opt_in_without_a_token_keeps_both()
    {
        var conversation = WroteAgo(TimeSpan.FromHours(1));
        var expiry = Now.AddDays(180);
        conversation.RecordOptin(new NotificationOptin("notification_messages", "Deals", "p", "WEEKLY", "RESUME_NOTIFICATIONS", expiry), "recurring", "m1", Now);
        conversation.RecordOptin(new NotificationOptin("notification_messages", "Deals", "p", null, "STOP_NOTIFICATIONS", null), null, "m2", Now.AddMinutes(1));
        var kept = (conversation.OptinProtectedToken, conversation.OptinTokenExpiresAt);
        conversation.RecordOptin(new NotificationOptin("one_time_notif_req", "Back in stock", "q", null, null, null), "one-time", "m3", Now.AddMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.EqualTo(("recurring", (DateTimeOffset?)expiry)), "a status change without a token keeps the token and its expiry");
            Assert.That(conversation.OptinProtectedToken, Is.EqualTo("one-time"));
            Assert.That(conversation.OptinTokenExpiresAt, Is.Null, "the recurring token's expiry does not stay on the one-time token");
        });
    }

    [Test]
    public void A_send_to_messenger_tap_after_a_notification_optin_is_noted_and_leaves_the_subscription_whole()
    {
        // messaging_optins reference: a Send to Messenger tap carries only optin.ref (no type, no token).
        var conversation = WroteAgo(TimeSpan.FromHours(1));
        var expiry = Now.AddDays(180);
        conversation.RecordOptin(new NotificationOptin("notification_messages", "Deals", "p", "WEEKLY", "RESUME_NOTIFICATIONS", expiry), "recurring", "m1", Now);
        var note = conversation.RecordOptin(new NotificationOptin(null, null, "PASS_THROUGH_PARAM", null, null, null), null, "m2", Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(note.Text, Is.EqualTo("Opted in (Send to Messenger)"));
            Assert.That(conversation.Optin, Is.EqualTo(new NotificationOptin("notification_messages", "Deals", "p", "WEEKLY", "RESUME_NOTIFICATIONS", expiry)));
            Assert.That(conversation.OptinProtectedToken, Is.EqualTo("recurring"));
        });
    }

    [Test]
    public void A_staff_reply_within_24_hours_is_a_standard_response()
    {
        var plan = WroteAgo(TimeSpan.FromHours(1)).PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);
        Assert.That((plan.MessagingType, plan.Tag), Is.EqualTo(("RESPONSE", (string?)null)));
    }

    [Test]
    public void A_staff_reply_after_24_hours_carries_the_human_agent_tag()
    {
        var plan = WroteAgo(TimeSpan.FromDays(3)).PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);
        Assert.That((plan.MessagingType, plan.Tag), Is.EqualTo(("MESSAGE_TAG", "HUMAN_AGENT")));
    }

    [Test]
    public void The_bot_never_gets_the_human_agent_tag()
    {
        var plan = WroteAgo(TimeSpan.FromDays(3)).PlanReply(MessageSender.Bot, Now, useHumanAgentTag: true);
        Assert.That(plan.Allowed, Is.False);
        Assert.That(plan.Refusal, Does.Contain("automated"));
    }

    [Test]
    public void Beyond_7_days_a_reply_is_refused_with_the_reason()
    {
        var plan = WroteAgo(TimeSpan.FromDays(8)).PlanReply(MessageSender.Staff, Now, useHumanAgentTag: true);
        Assert.That(plan.Allowed, Is.False);
        Assert.That(plan.Refusal, Does.Contain("more than 7 days old"));
    }

    [Test]
    public void With_the_tag_turned_off_a_reply_after_24_hours_is_refused()
    {
        var plan = WroteAgo(TimeSpan.FromDays(3)).PlanReply(MessageSender.Staff, Now, useHumanAgentTag: false);
        Assert.That(plan.Refusal, Does.Contain("human agent tag is turned off"));
    }

    [Test]
    public void A_late_replayed_customer_message_does_not_move_the_window_back()
    {
        var conversation = WroteAgo(TimeSpan.FromHours(1));
        conversation.RecordCustomerMessage("old one", Now.AddDays(-5));
        Assert.That(conversation.LastCustomerMessageAt, Is.EqualTo(Now.AddHours(-1)));
    }

    /// <summary>
    /// A quick reply Meta delivers with its payload and no text (claudiajs/claudia-bot-builder,
    /// <c>spec/facebook/facebook-parse-spec.js</c>): the Inbox list names it as the thread does, not with an empty line.
    /// </summary>
    [Test]
    public void A_quick_reply_without_text_is_previewed_by_its_payload()
    {
        var conversation = WroteAgo(TimeSpan.FromHours(1));

        conversation.ReceiveCustomerMessage("m_qr", string.Empty, Now, quickReplyPayload: "PICKUP");

        Assert.That(conversation.LastMessagePreview, Is.EqualTo("Quick reply PICKUP"));
    }

    [Test]
    public void Waiting_starts_with_the_first_unanswered_message_and_ends_with_a_reply()
    {
        var conversation = WroteAgo(TimeSpan.FromHours(2));
        conversation.RecordCustomerMessage("still there?", Now.AddHours(-1));
        Assert.That(conversation.WaitingSince, Is.EqualTo(Now.AddHours(-2)));

        conversation.RecordPageMessage("yes!", Now);
        Assert.That(conversation.WaitingSince, Is.Null);
        Assert.That(conversation.LastMessagePreview, Is.EqualTo("yes!"));
    }

    [Test]
    public void Escalate_take_release_resolve_move_the_state_and_say_whether_anything_changed()
    {
        var conversation = WroteAgo(TimeSpan.FromMinutes(5));
        Assert.Multiple(() =>
        {
            Assert.That(conversation.Escalate("wants a person", Now), Is.True);
            Assert.That(conversation.State, Is.EqualTo(ConversationState.NeedsHuman));
            Assert.That(conversation.Escalate("again", Now), Is.False, "escalating twice changes nothing");
            Assert.That(conversation.EscalationReason, Is.EqualTo("wants a person"));

            Assert.That(conversation.Take("u1", "ana@shop.test"), Is.True);
            Assert.That((conversation.State, conversation.AssignedToUserId), Is.EqualTo((ConversationState.HumanActive, (string?)"u1")));
            Assert.That(conversation.Take("u1", "ana@shop.test"), Is.False);

            Assert.That(conversation.Release(), Is.True);
            Assert.That((conversation.State, conversation.AssignedToUserId), Is.EqualTo((ConversationState.Bot, (string?)null)));

            Assert.That(conversation.Resolve(Now), Is.True);
            Assert.That(conversation.State, Is.EqualTo(ConversationState.Resolved));
        });
    }

    [Test]
    public void A_resolved_conversation_goes_back_to_the_bot_when_the_customer_writes_again()
    {
        var conversation = WroteAgo(TimeSpan.FromDays(1));
        conversation.Resolve(Now.AddHours(-1));
        conversation.RecordCustomerMessage("one more question", Now);
        Assert.That(conversation.State, Is.EqualTo(ConversationState.Bot));
    }

    [Test]
    public void Receipts_move_a_message_forward_only() =>
        Assert.Multiple(() =>
        {
            Assert.That(MovesForward(MessageStatus.Sent, MessageStatus.Delivered), Is.True);
            Assert.That(MovesForward(MessageStatus.Delivered, MessageStatus.Read), Is.True);
            Assert.That(MovesForward(MessageStatus.Read, MessageStatus.Delivered), Is.False);
            Assert.That(MovesForward(MessageStatus.Failed, MessageStatus.Delivered), Is.False);
            Assert.That(MovesForward(MessageStatus.Received, MessageStatus.Read), Is.False);
            Assert.That(MovesForward(MessageStatus.Sending, MessageStatus.Delivered), Is.False, "still sending: it may yet fail");
        });

    /// <summary>The rule the store runs as a query, applied to one message.</summary>
    private static bool MovesForward(MessageStatus current, MessageStatus receipt) =>
        MessengerMessage.MovedForwardBy(receipt).Compile()(new MessengerMessage { Status = current });

    [Test]
    public void Inbox_order_puts_the_longest_waiting_first_then_the_latest_message()
    {
        var waitingLong = WroteAgo(TimeSpan.FromHours(5));
        var waitingShort = WroteAgo(TimeSpan.FromMinutes(5));
        var answeredRecently = WroteAgo(TimeSpan.FromHours(1));
        answeredRecently.RecordPageMessage("on our way", Now.AddMinutes(-1));
        var answeredLongAgo = WroteAgo(TimeSpan.FromDays(2));
        answeredLongAgo.RecordPageMessage("thanks", Now.AddDays(-2).AddMinutes(1));

        var ordered = new[] { answeredLongAgo, waitingShort, answeredRecently, waitingLong }.OrderBy(c => c.InboxOrder).ToList();

        Assert.That(ordered, Is.EqualTo(new[] { waitingLong, waitingShort, answeredRecently, answeredLongAgo }));
        Assert.That(answeredRecently.WaitingSince, Is.Null);
    }
}
