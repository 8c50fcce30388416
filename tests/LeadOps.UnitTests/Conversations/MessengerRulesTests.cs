using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.Domain.Conversations.Events;
using LeadOps.Domain.Integrations;

namespace LeadOps.UnitTests.Conversations;

/// <summary>The rules behind the Inbox's Messenger events: edits, reactions, other hands on the thread, policy, uploads.</summary>
public sealed class MessengerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_edit_keeps_the_first_text_and_a_late_or_repeated_edit_changes_nothing()
    {
        var message = MessengerMessage.FromCustomer(Guid.NewGuid(), "m_1", "at 5", Now);

        Assert.That(message.Edit("at 6", 1, Now.AddMinutes(1)), Is.True);
        Assert.That(message.Edit("at 7", 2, Now.AddMinutes(2)), Is.True);
        Assert.That(message.Edit("at 6", 1, Now.AddMinutes(1)), Is.False, "the first edit delivered again");
        Assert.That((message.Text, message.OriginalText, message.EditCount, message.IsEdited), Is.EqualTo(("at 7", "at 5", 2, true)));
    }

    [Test]
    public void A_reaction_is_replaced_by_a_later_one_and_an_older_unreact_does_not_take_it_back()
    {
        var message = MessengerMessage.FromCustomer(Guid.NewGuid(), "m_1", "hi", Now);
        message.React("👍", "like", unreact: false, Now.AddSeconds(10));

        Assert.That(message.React(null, null, unreact: true, Now.AddSeconds(5)), Is.False);
        Assert.That(message.ReactionEmoji, Is.EqualTo("👍"));
        Assert.That(message.React(null, null, unreact: true, Now.AddSeconds(20)), Is.True);
        Assert.That((message.ReactionEmoji, message.ReactionName), Is.EqualTo(((string?)null, (string?)null)));
    }

    [TestCase(ConversationState.NeedsHuman, ConversationState.HumanActive, true)]
    [TestCase(ConversationState.Bot, ConversationState.HumanActive, true)]
    [TestCase(ConversationState.Resolved, ConversationState.Resolved, false)]
    public void An_answer_in_meta_business_suite_puts_a_waiting_conversation_with_a_person(ConversationState before, ConversationState after, bool changed)
    {
        var conversation = Conversation.Start(1, "108", "7001", Now);
        conversation.RecordCustomerMessage("help", Now);
        switch (before)
        {
            case ConversationState.NeedsHuman:
                conversation.Escalate("asked", Now);
                break;
            case ConversationState.Resolved:
                conversation.Resolve(Now);
                break;
        }

        Assert.That(conversation.AnsweredInPageInbox(Now.AddMinutes(1)), Is.EqualTo(changed));
        Assert.That(conversation.State, Is.EqualTo(after));
        Assert.That(conversation.DomainEvents.OfType<ConversationAnsweredElsewhere>().Single().Changed, Is.EqualTo(changed));
        if (changed)
        {
            Assert.That((conversation.AssignedToUserId, conversation.AssignedToName), Is.EqualTo(((string?)null, (string?)Conversation.PageInboxName)));
        }
    }

    [Test]
    public void A_reply_still_sending_five_minutes_after_its_latest_attempt_is_unconfirmed()
    {
        var conversation = Conversation.Start(1, "108", "7001", Now);
        conversation.RecordCustomerMessage("help", Now);
        var reply = conversation.WriteReply("staff-1", "Ana", "Hi", "key", ReplyPlan.Send(ReplyType.Response), null, Now);
        var customer = MessengerMessage.FromCustomer(conversation.Id, "m_1", "help", Now);

        Assert.Multiple(() =>
        {
            Assert.That(reply.IsUnconfirmedAt(Now.AddMinutes(5).AddSeconds(-1)), Is.False, "Meta may still answer");
            Assert.That(reply.IsUnconfirmedAt(Now.AddMinutes(5)), Is.True);
            Assert.That(customer.IsUnconfirmedAt(Now.AddHours(1)), Is.False, "a customer's message waits for nothing");
        });

        reply.LastAttemptAt = Now.AddMinutes(10); // a retry began
        Assert.That(reply.IsUnconfirmedAt(Now.AddMinutes(12)), Is.False, "counted from the latest attempt, not from the writing");
        Assert.That(reply.IsUnconfirmedAt(Now.AddMinutes(15)), Is.True);
    }

    [Test]
    public void A_staff_reply_after_an_answer_in_meta_business_suite_assigns_the_conversation_to_the_writer()
    {
        var conversation = Conversation.Start(1, "108", "7001", Now);
        conversation.RecordCustomerMessage("help", Now);
        conversation.AnsweredInPageInbox(Now);

        conversation.WriteReply("staff-1", "Ana", "Hi", "key", ReplyPlan.Send(ReplyType.Response), null, Now);

        Assert.That((conversation.AssignedToUserId, conversation.AssignedToName), Is.EqualTo(((string?)"staff-1", (string?)"Ana")));
    }

    [Test]
    public void A_postback_opens_the_window_and_a_note_opens_nothing()
    {
        var conversation = Conversation.Start(1, "108", "7001", Now);
        conversation.AddNote(MessageKind.Handover, "h:1", "passed", Now);
        Assert.That(conversation.WindowAt(Now, useHumanAgentTag: true).Kind, Is.EqualTo(WindowKind.Closed));

        var tap = conversation.ReceivePostback("m_1", "Talk to a person", "HUMAN_AGENT", Now);

        Assert.That((tap.Text, tap.PostbackPayload, tap.Kind), Is.EqualTo(("Tapped: Talk to a person", (string?)"HUMAN_AGENT", MessageKind.Postback)));
        Assert.That(conversation.WindowAt(Now.AddHours(1), useHumanAgentTag: true).Kind, Is.EqualTo(WindowKind.Standard));
        Assert.That(conversation.WaitingSince, Is.EqualTo(Now));
    }

    [Test]
    public void A_policy_block_refuses_messaging_an_older_event_changes_nothing_and_unblock_lifts_it()
    {
        var integration = new Integration();
        integration.RecordPolicyEnforcement("block", "Spam", Now);
        integration.RecordPolicyEnforcement("unblock", null, Now.AddMinutes(-5));

        Assert.That(integration.MessagingRefusal, Is.EqualTo("Meta blocked this page from messaging: Spam"));
        Assert.That(integration.StateAt(Now).Status, Is.EqualTo(IntegrationStatus.MessagingBlocked));
        integration.RecordPolicyEnforcement("warning", "Slow down", Now.AddMinutes(1));
        Assert.That((integration.StateAt(Now).Status, integration.MessagingRefusal), Is.EqualTo((IntegrationStatus.MessagingWarned, (string?)null)));
        integration.RecordPolicyEnforcement("unblock", null, Now.AddMinutes(2));
        Assert.That(integration.StateAt(Now).Status, Is.EqualTo(IntegrationStatus.Active));
    }

    [Test]
    public void The_escalation_payload_is_the_default_until_staff_choose_another()
    {
        var integration = new Integration();
        Assert.That(integration.IsEscalationPayload("HUMAN_AGENT"), Is.True);
        integration.UseEscalationPayload(" AGENT ");
        Assert.That((integration.IsEscalationPayload("HUMAN_AGENT"), integration.IsEscalationPayload("AGENT")), Is.EqualTo((false, true)));
        integration.UseEscalationPayload("");
        Assert.That(integration.EscalationPayload, Is.EqualTo("HUMAN_AGENT"));
    }

    [Test]
    public void A_referral_says_where_the_customer_came_from()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new Referral("ADS", "spring", "6045", "Summer rides", null, null).Describe(), Is.EqualTo("Came from ad “Summer rides” (ad 6045) · ref spring"));
            Assert.That(new Referral("ADS", null, "6045", null, null, null).Describe(), Is.EqualTo("Came from ad 6045"));
            Assert.That(new Referral("SHORTLINK", "menu", null, null, null, null).Describe(), Is.EqualTo("Came from shortlink · ref menu"));
        });
    }

    /// <summary>
    /// Meta's messaging_postbacks reference prints an m.me link's source as <c>SHORT-URL</c>, its Postback Button Setup page as
    /// <c>SHORT_URL</c> (their tables say SHORTLINK): each is the m.me link, in words and for the window; an ad or the Discover tab opens nothing by itself.
    /// </summary>
    [TestCase("SHORTLINK", true, "Came from shortlink · ref spring")]
    [TestCase("SHORT-URL", true, "Came from shortlink · ref spring")]
    [TestCase("short-url", true, "Came from shortlink · ref spring")]
    [TestCase("SHORT_URL", true, "Came from shortlink · ref spring")]
    [TestCase("ADS", false, "Came from an ad · ref spring")]
    [TestCase("DISCOVER_TAB", false, "Came from discover tab · ref spring")]
    public void An_m_me_link_is_known_by_either_spelling(string source, bool opensWindow, string expected)
    {
        var referral = new Referral(source, "spring", null, null, null, "OPEN_THREAD");

        Assert.That((referral.OpensWindow, referral.Describe()), Is.EqualTo((opensWindow, expected)));
    }

    /// <summary>Meta may send an ad referral with neither <c>ad_id</c> nor <c>ad_title</c>, and links without <c>ref</c> or <c>referer_uri</c>: no sentence ends in the air.</summary>
    [TestCase("ADS", null, null, null, null, "Came from an ad")]
    [TestCase("ADS", null, " ", "  ", null, "Came from an ad")]
    [TestCase("ads", "", null, null, null, "Came from an ad")]
    [TestCase("SHORTLINK", " ", null, null, null, "Came from shortlink")]
    [TestCase("CUSTOMER_CHAT_PLUGIN", null, null, null, "", "Came from customer chat plugin")]
    [TestCase(" ", null, null, null, null, "Came from a link")]
    [TestCase(null, null, null, null, null, "Came from a link")]
    public void A_referral_that_names_nothing_still_reads_as_a_whole_sentence(string? source, string? reference, string? adId, string? adTitle, string? refererUri, string expected)
    {
        var referral = new Referral(source, reference, adId, adTitle, null, "OPEN_THREAD") { RefererUri = refererUri };

        Assert.That(referral.Describe(), Is.EqualTo(expected));
    }

    [TestCase("photo.png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "image", null)]
    [TestCase("terms.pdf", "JVBERi0xLjQK", "file", null)]
    [TestCase("photo.png", "PHNjcmlwdD4=", null, "does not match")]
    [TestCase("setup.exe", "TVqQAA==", null, "cannot be sent")]
    [TestCase("notes.txt", "aGVsbG8=", "file", null)]
    [TestCase("empty.txt", "", null, "empty")]
    public void Uploads_are_sent_as_images_or_files_only_when_their_bytes_match_their_name(string name, string base64, string? type, string? refusal)
    {
        var (sentAs, _, why) = UploadRules.Check(new ReplyUpload(name, "application/octet-stream", Convert.FromBase64String(base64)), 1024);
        Assert.That(sentAs, Is.EqualTo(type));
        Assert.That(why, refusal is null ? Is.Null : Does.Contain(refusal));
    }

    [Test]
    public void An_upload_over_the_limit_is_refused_with_the_limit()
    {
        var (_, _, why) = UploadRules.Check(new ReplyUpload("a.pdf", null, [.. "%PDF-"u8, .. new byte[3000]]), 2048);
        Assert.That(why, Does.Contain("larger than 2 KB"));
    }
}
