using LeadOps.Application.Conversations.Commands;

namespace LeadOps.Application.Conversations;

/// <summary>
/// What happens on the page's side, from the webhook: messages the page sent (LeadOps' own replies recognised, the
/// bot's, and replies typed in Meta Business Suite, which put a waiting conversation with a person), thread control
/// moving between apps, receipts, and Meta's policy enforcement of the page.
/// </summary>
internal sealed class PageEventRecorder(IConversationRepository conversations, AttachmentCopier copier, MessengerOptions options, TimeProvider clock)
{
    public async Task<MessengerEventOutcome> EchoAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (await conversations.AlreadyStoredAsync(e.Mid, ct) is { } skipped)
        {
            return skipped;
        }

        var conversation = await conversations.GetOrStartAsync(integration.Id, e, ct);
        var text = e.Text ?? string.Empty;
        var fromLeadOps = MaySendFromLeadOps(e.AppId);
        // Only an echo that names LeadOps' own app may name a reply: another app on the page could write any metadata.
        var namedReply = options.OwnAppId is { } own && e.AppId == own ? MessengerMessage.ReplyNamedBy(e.Metadata) : null;
        if (fromLeadOps && await conversations.FindEchoClaimAsync(conversation.Id, text, namedReply, ct) is { } replyId)
        {
            // A LeadOps reply whose send answer has not been recorded yet (or was lost): same message, now with Meta's id
            // and what the echo carries. The claim is made in the save that keeps the attachments (ADR 0007).
            await KeepEchoedAttachmentsAsync(replyId, e, ct);
            conversations.ClaimEchoOnSave(replyId, e.Mid!, e.Timestamp, claim => conversation.RecordClaimedEcho(text, e.Timestamp, claim.MessageId, claim.WasFailed));
            return MessengerEventOutcome.Updated;
        }

        var fromPageInbox = IsPageInbox(e.AppId);
        var attachments = (e.Attachments ?? []).Select((a, i) => a.ToAttachment(i)).ToList();
        await copier.CopyAsync(attachments, ct);
        conversations.AddMessage(namedReply is { } named
            ? conversation.RecordLeadOpsEcho(await conversations.GetMessageAsync(named, ct), e.Mid!, text, e.Timestamp, attachments)
            : conversation.RecordEcho(fromPageInbox ? MessageSender.PageInbox : MessageSender.Bot, e.Mid!, text, e.Timestamp, attachments));
        if (fromPageInbox)
        {
            conversation.AnsweredInPageInbox(e.Timestamp);
        }

        return MessengerEventOutcome.Stored;
    }

    /// <summary>The echo's attachments, kept on the reply it showed sent (<see cref="MessengerMessage.KeepEchoed"/>).</summary>
    private async Task KeepEchoedAttachmentsAsync(long replyId, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (e.Attachments is { Count: > 0 } echoed && await conversations.GetMessageAsync(replyId, ct) is { } reply)
        {
            await copier.CopyAsync(reply.KeepEchoed(echoed.Select((a, i) => a.ToAttachment(i))), ct);
        }
    }
    /// <summary>
    /// Whether an echo may be of a LeadOps reply: not when it is the Page inbox's (Meta Business Suite: its app id, or none,
    /// as it may leave it out) or, LeadOps' app id being known, another app's; a person there may type the same words as a
    /// reply LeadOps could not send. Meta's echo of an API send names the app that sent it.
    /// </summary>
    private bool MaySendFromLeadOps(string? appId) =>
        !IsPageInbox(appId) && (options.OwnAppId is not { } own || appId == own);

    private static bool IsPageInbox(string? appId) => appId is null or MessengerWebhookEvent.MetaPageInboxAppId;

    /// <summary>
    /// Thread control passed, taken or requested: noted in the thread, and the owner kept. The bot passing the thread to
    /// LeadOps is the bot asking for a person; Meta Business Suite taking it is a person there having it (a pass to it is not).
    /// </summary>
    public async Task<MessengerEventOutcome> HandoverAsync(Integration integration, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (e.Handover is not { } handover)
        {
            return MessengerEventOutcome.Ignored;
        }

        var mid = e.KeyFor(handover.Action);
        if (await conversations.AlreadyStoredAsync(mid, ct) is { } skipped)
        {
            return skipped;
        }

        var conversation = await conversations.GetOrStartAsync(integration.Id, e, ct);
        var newOwner = handover.NewOwnerAppId ?? (TakenFromRecordedOwner(handover, conversation) ? Conversation.UnnamedOwnerAppId : null);
        var moves = handover.MovesControl && newOwner is not null;
        conversations.AddMessage(conversation.RecordHandover(mid, ThreadOwnerNames.Describe(handover, options), newOwner, moves, e.Timestamp));
        if (moves && handover.Action == MessengerHandover.Take && handover.NewOwnerAppId == MessengerWebhookEvent.MetaPageInboxAppId &&
            conversation.ThreadOwnerAppId == MessengerWebhookEvent.MetaPageInboxAppId)
        {
            // A person took the thread in Meta Business Suite (this event, and the newest one): staff do not answer twice.
            // A pass to the Page inbox is a bot asking for a person there: nobody has answered yet, so nothing moves.
            conversation.ThreadWithPageInbox();
        }

        if (handover.Action == MessengerHandover.Pass && options.OwnAppId is { } own && handover.NewOwnerAppId == own &&
            conversation.State is ConversationState.Bot or ConversationState.Resolved)
        {
            var why = string.IsNullOrWhiteSpace(handover.Metadata) ? string.Empty : $": {handover.Metadata.Trim()}";
            conversation.Escalate($"{ThreadOwnerNames.Capital(ThreadOwnerNames.Of(handover.PreviousOwnerAppId, options))} passed the conversation to LeadOps{why}", clock.GetUtcNow());
        }

        return MessengerEventOutcome.Stored;
    }

    /// <summary>
    /// A take that names no new owner (the older messaging_handovers reference: "thread ownership … has been taken away from
    /// your application") takes the thread from the owner LeadOps recorded, or from LeadOps: it is now with an app Meta did
    /// not name, so a take by staff asks Meta for it again. A take from another app than the recorded one moves nothing.
    /// </summary>
    private bool TakenFromRecordedOwner(MessengerHandover handover, Conversation conversation) =>
        handover.Action == MessengerHandover.Take &&
        (handover.PreviousOwnerAppId is null || handover.PreviousOwnerAppId == conversation.ThreadOwnerAppId || handover.PreviousOwnerAppId == options.OwnAppId);

    /// <summary>
    /// Meta sends on standby what happens in a thread another app controls (standby reference): when LeadOps recorded that it
    /// holds the thread, it no longer does (a take expired, or the thread went back to the routing without a handover event),
    /// so a take by staff asks Meta for it again. A handover on standby names its owner itself; an older event moves nothing.
    /// </summary>
    public async Task StandbyAsync(MessengerWebhookEvent e, CancellationToken ct)
    {
        if (e.Standby && e.Kind is not (MessengerEventKind.Handover or MessengerEventKind.PolicyEnforcement) &&
            options.OwnAppId is { } own && e.AppId != own &&
            await conversations.FindAsync(e.PageId, e.Psid, ct) is { } conversation && conversation.ThreadOwnerAppId == own)
        {
            conversation.RecordThreadControl(Conversation.UnnamedOwnerAppId, e.Timestamp);
        }
    }

    public MessengerEventOutcome Policy(Integration integration, MessengerWebhookEvent e)
    {
        if (e.Policy is not { } policy)
        {
            return MessengerEventOutcome.Ignored;
        }

        integration.RecordPolicyEnforcement(policy.Action, policy.Reason, e.Timestamp);
        return MessengerEventOutcome.Updated;
    }

    public async Task<MessengerEventOutcome> ReceiptAsync(MessengerWebhookEvent e, CancellationToken ct)
    {
        var conversation = await conversations.FindAsync(e.PageId, e.Psid, ct);
        if (conversation is null)
        {
            return MessengerEventOutcome.Ignored;
        }

        var receipt = e.Kind == MessengerEventKind.Read ? MessageStatus.Read : MessageStatus.Delivered;
        if (await conversations.ApplyReceiptAsync(conversation.Id, receipt, e.Mids ?? [], e.Watermark, e.Timestamp, ct) == 0)
        {
            return MessengerEventOutcome.Ignored;
        }

        conversation.RecordReceipt();
        return MessengerEventOutcome.Updated;
    }
}
