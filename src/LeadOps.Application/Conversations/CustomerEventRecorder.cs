using LeadOps.Application.Conversations.Commands;

namespace LeadOps.Application.Conversations;

/// <summary>
/// What the customer does, from the webhook: writes (text, attachments, quick replies, quoted replies), taps a button,
/// edits, reacts, arrives from an ad or a link, opts in. Each is stored once however often Meta delivers it; a message or
/// a tap opens the 24-hour window, and the customer's profile is read when due.
/// </summary>
internal sealed class CustomerEventRecorder(
    IConversationRepository conversations,
    AttachmentCopier copier,
    CustomerProfileReader profiles,
    ITokenProtector protector,
    TimeProvider clock)
{
    /// <summary>
    /// A message Meta sent without a <c>mid</c> (its samples elide one at times) is kept under a stable id made of the
    /// customer, the time and the content, so a replay is still stored once; one with no content at all is ignored.
    /// </summary>
    public async Task<MessengerEventOutcome> MessageAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        var mid = e.Mid ?? (e.Text is null && e.Attachments is null ? null
            : e.KeyFor("message", string.Join('\n', [e.Text, .. (e.Attachments ?? []).Select(a => $"{a.Type} {a.Url} {a.Title} {a.StickerId}")])));
        if (await conversations.AlreadyStoredAsync(mid, ct) is { } skipped)
        {
            return skipped;
        }

        var conversation = await conversations.GetOrStartAsync(integration.Id, e, ct);
        var attachments = (e.Attachments ?? []).Select((a, i) => a.ToAttachment(i)).ToList();
        await copier.CopyAsync(attachments, ct);
        conversations.AddMessage(conversation.ReceiveCustomerMessage(mid!, e.Text ?? string.Empty, e.Timestamp, attachments, e.QuickReplyPayload, e.ReplyToMid));
        await ReferralNoteAsync(conversation, e, ct);
        await profiles.RefreshAsync(integration, conversation, ct);
        return MessengerEventOutcome.Stored;
    }

    /// <summary>A tap opens the window like a message; the payload staff chose for "a person, please" escalates at once.</summary>
    public async Task<MessengerEventOutcome> PostbackAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        var mid = e.Mid ?? e.KeyFor("postback", $"{e.Postback?.Title}\n{e.Postback?.Payload}");
        if (e.Postback is not { } postback || await conversations.AlreadyStoredAsync(mid, ct) is { } skipped)
        {
            return e.Postback is null ? MessengerEventOutcome.Ignored : MessengerEventOutcome.Duplicate;
        }

        var conversation = await conversations.GetOrStartAsync(integration.Id, e, ct);
        conversations.AddMessage(conversation.ReceivePostback(mid, postback.Title, postback.Payload, e.Timestamp));
        await ReferralNoteAsync(conversation, e, ct);
        if (integration.IsEscalationPayload(postback.Payload))
        {
            conversation.Escalate($"The customer tapped “{postback.Title ?? postback.Payload}”", clock.GetUtcNow());
        }

        await profiles.RefreshAsync(integration, conversation, ct);
        return MessengerEventOutcome.Stored;
    }

    /// <summary>
    /// An edit changes the message it names. Of a message LeadOps does not have (sent before the page was connected, or
    /// its delivery still to come), the new words are kept as the customer's message under that id, so nothing they said is
    /// lost and a late delivery of the original is a duplicate.
    /// </summary>
    public async Task<MessengerEventOutcome> EditAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (e.Edit is not { } edit || string.IsNullOrEmpty(e.Mid))
        {
            return MessengerEventOutcome.Ignored;
        }

        var (message, conversation) = await conversations.LookUpTargetAsync(e, ct);
        if (message is not null && conversation is not null)
        {
            conversation.EditMessage(message, edit.Text, edit.EditCount, e.Timestamp);
            return MessengerEventOutcome.Updated;
        }

        if (edit.ByPage)
        {
            // An edit of a page's message LeadOps never had: the page's words are not the customer's to keep.
            return MessengerEventOutcome.Ignored;
        }

        if (message is not null)
        {
            // Its id is stored already, in another thread: the edit keeps nothing twice.
            return MessengerEventOutcome.Duplicate;
        }

        var started = await conversations.GetOrStartAsync(integration.Id, e, ct);
        conversations.AddMessage(started.ReceiveEditedMessage(e.Mid, edit.Text, edit.EditCount, e.Timestamp));
        await profiles.RefreshAsync(integration, started, ct);
        return MessengerEventOutcome.Stored;
    }

    public async Task<MessengerEventOutcome> ReactionAsync(MessengerWebhookEvent e, CancellationToken ct)
    {
        // The page's own reaction is not the customer's: it shows on nothing of theirs and opens no window.
        if (e.Reaction is not { ByPage: false } reaction)
        {
            return MessengerEventOutcome.Ignored;
        }

        if (await conversations.FindTargetAsync(e, ct) is var (conversation, message))
        {
            conversation.ReactTo(message, reaction.Emoji, reaction.Name, reaction.Unreact, e.Timestamp);
            return MessengerEventOutcome.Updated;
        }

        // A reaction to a message LeadOps does not have still opens the window of a customer it knows ("User reacts to a
        // message", Meta's messaging policy); taking one back opens nothing.
        if (!reaction.Unreact && await conversations.FindAsync(e.PageId, e.Psid, ct) is { } known)
        {
            known.RecordReactionToUnknownMessage(e.Timestamp);
            return MessengerEventOutcome.Updated;
        }

        return MessengerEventOutcome.Ignored;
    }

    /// <summary>The customer came back to the thread from an ad or a link (<c>messaging_referrals</c>).</summary>
    public async Task<MessengerEventOutcome> ReferralAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (e.Referral is not { IsEmpty: false } || await conversations.AlreadyStoredAsync(e.KeyFor("referral"), ct) is { } skipped)
        {
            return e.Referral is { IsEmpty: false } ? MessengerEventOutcome.Duplicate : MessengerEventOutcome.Ignored;
        }

        var conversation = await conversations.GetOrStartAsync(integration.Id, e, ct);
        await ReferralNoteAsync(conversation, e, ct);
        return MessengerEventOutcome.Stored;
    }

    public async Task<MessengerEventOutcome> OptinAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        var mid = e.KeyFor("optin");
        if (e.Optin is not { } optin || await conversations.AlreadyStoredAsync(mid, ct) is { } skipped)
        {
            return e.Optin is null ? MessengerEventOutcome.Ignored : MessengerEventOutcome.Duplicate;
        }

        var conversation = await conversations.GetOrStartAsync(integration.Id, e, ct);
        var token = string.IsNullOrEmpty(optin.Token) ? null : protector.Protect(optin.Token);
        conversations.AddMessage(conversation.RecordOptin(optin.ToOptin(), token, mid, e.Timestamp));
        return MessengerEventOutcome.Stored;
    }

    /// <summary>A referral that came with the event is the conversation's latest and gets a note in the thread (once).</summary>
    private async Task ReferralNoteAsync(Conversation conversation, MessengerWebhookEvent e, CancellationToken ct)
    {
        var mid = e.KeyFor("referral");
        if (e.Referral is { IsEmpty: false } referral && !await conversations.MessageExistsAsync(mid, ct))
        {
            conversations.AddMessage(conversation.RecordReferral(referral, mid, e.Timestamp, note: true)!);
        }
    }
}
