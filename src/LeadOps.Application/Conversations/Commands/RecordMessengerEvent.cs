namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// A Messenger webhook event for one of the acting user's integrations. Customer messages create or update the
/// conversation for (page, PSID) and are stored once by <c>mid</c>; echoes are outbound messages (LeadOps' own replies are
/// recognised, not doubled); delivery and read receipts move outbound messages forward. The conversation's events push
/// each stored change to the owner's open Inbox pages once it is saved.
/// </summary>
public sealed record RecordMessengerEvent(int IntegrationId, MessengerWebhookEvent Event) : ICommand<Result<MessengerEventOutcome>>;

internal sealed class RecordMessengerEventHandler(
    IIntegrationRepository integrations,
    IConversationRepository conversations,
    TimeProvider clock) : ICommandHandler<RecordMessengerEvent, Result<MessengerEventOutcome>>
{
    private const int MaxAttempts = 3;

    public async ValueTask<Result<MessengerEventOutcome>> Handle(RecordMessengerEvent command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var integration = await integrations.GetWithoutFormsAsync(command.IntegrationId, cancellationToken);
            if (integration is null)
            {
                return Result<MessengerEventOutcome>.NotFound("Integration not found");
            }

            integration.RecordWebhook(clock.GetUtcNow());
            var e = command.Event;
            var outcome = e.Kind switch
            {
                MessengerEventKind.Message => await CustomerMessageAsync(integration.Id, e, cancellationToken),
                MessengerEventKind.Echo => await EchoAsync(integration.Id, e, cancellationToken),
                _ => await ReceiptAsync(e, cancellationToken),
            };

            if (await conversations.TrySaveAsync(cancellationToken))
            {
                return Result<MessengerEventOutcome>.Ok(outcome);
            }

            // Another worker stored the same event or started the same conversation first: look again.
            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Messenger event for integration {command.IntegrationId} kept conflicting with concurrent writes.");
            }
        }
    }

    private async Task<MessengerEventOutcome> CustomerMessageAsync(int integrationId, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (await AlreadyStoredAsync(e, ct) is { } skipped)
        {
            return skipped;
        }

        var conversation = await GetOrStartAsync(integrationId, e, ct);
        conversations.AddMessage(conversation.ReceiveCustomerMessage(e.Mid!, e.Text ?? string.Empty, e.Timestamp));
        return MessengerEventOutcome.Stored;
    }

    private async Task<MessengerEventOutcome> EchoAsync(int integrationId, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (await AlreadyStoredAsync(e, ct) is { } skipped)
        {
            return skipped;
        }

        var conversation = await GetOrStartAsync(integrationId, e, ct);
        var text = e.Text ?? string.Empty;
        if (await conversations.ClaimEchoAsync(conversation.Id, text, e.Mid!, e.Timestamp, ct))
        {
            // A LeadOps reply whose send answer has not been recorded yet: same message, now with Meta's id.
            conversation.RecordClaimedEcho(text, e.Timestamp);
            return MessengerEventOutcome.Updated;
        }

        var sender = e.AppId is null or MessengerWebhookEvent.MetaPageInboxAppId ? MessageSender.PageInbox : MessageSender.Bot;
        conversations.AddMessage(conversation.RecordEcho(sender, e.Mid!, text, e.Timestamp));
        return MessengerEventOutcome.Stored;
    }

    private async Task<MessengerEventOutcome> ReceiptAsync(MessengerWebhookEvent e, CancellationToken ct)
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

    /// <summary>An event without an id is ignored; one whose message is stored already is a duplicate (a replay).</summary>
    private async Task<MessengerEventOutcome?> AlreadyStoredAsync(MessengerWebhookEvent e, CancellationToken ct) =>
        string.IsNullOrEmpty(e.Mid) ? MessengerEventOutcome.Ignored
        : await conversations.MessageExistsAsync(e.Mid, ct) ? MessengerEventOutcome.Duplicate
        : null;

    private async Task<Conversation> GetOrStartAsync(int integrationId, MessengerWebhookEvent e, CancellationToken ct)
    {
        var conversation = await conversations.FindAsync(e.PageId, e.Psid, ct);
        if (conversation is null)
        {
            conversation = Conversation.Start(integrationId, e.PageId, e.Psid, e.Timestamp);
            conversations.Add(conversation);
        }

        return conversation;
    }
}
