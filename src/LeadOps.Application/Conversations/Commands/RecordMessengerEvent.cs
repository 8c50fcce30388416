using LeadOps.Application.Integrations;

namespace LeadOps.Application.Conversations.Commands;

public enum MessengerEventOutcome
{
    /// <summary>A new message was stored.</summary>
    Stored,

    /// <summary>Already stored (a replayed delivery, or the echo of a reply LeadOps already knows).</summary>
    Duplicate,

    /// <summary>An existing message moved on (echo matched a reply, delivered, read).</summary>
    Updated,

    /// <summary>Nothing to do (a receipt for an unknown conversation, an event without an id).</summary>
    Ignored,
}

/// <summary>
/// A Messenger webhook event for one of the acting user's integrations. Customer messages create or update the
/// conversation for (page, PSID) and are stored once by <c>mid</c>; echoes are outbound messages (LeadOps' own replies are
/// recognised, not doubled); delivery and read receipts move outbound messages forward.
/// </summary>
public sealed record RecordMessengerEvent(int IntegrationId, MessengerWebhookEvent Event) : ICommand<Result<MessengerEventOutcome>>;

internal sealed class RecordMessengerEventHandler(
    IIntegrationRepository integrations,
    IConversationRepository conversations,
    IInboxNotifier notifier,
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

            integration.LastWebhookAt = clock.GetUtcNow();
            var e = command.Event;
            var change = e.Kind switch
            {
                MessengerEventKind.Message => await CustomerMessageAsync(integration.Id, e, cancellationToken),
                MessengerEventKind.Echo => await EchoAsync(integration.Id, e, cancellationToken),
                _ => await ReceiptAsync(e, cancellationToken),
            };

            if (!await conversations.TrySaveAsync(cancellationToken))
            {
                // Another worker stored the same event or started the same conversation first: look again.
                if (attempt < MaxAttempts)
                {
                    continue;
                }

                throw new InvalidOperationException($"Messenger event for integration {command.IntegrationId} kept conflicting with concurrent writes.");
            }

            if (change.Conversation is { } conversation && change.Outcome is MessengerEventOutcome.Stored or MessengerEventOutcome.Updated)
            {
                await notifier.NotifyAsync(new InboxChange(conversation.OwnerId, conversation.Id, change.Kind, change.Message?.Id), CancellationToken.None);
            }

            return Result<MessengerEventOutcome>.Ok(change.Outcome);
        }
    }

    private async Task<Change> CustomerMessageAsync(int integrationId, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(e.Mid) || await conversations.MessageExistsAsync(e.Mid, ct))
        {
            return Change.None(string.IsNullOrEmpty(e.Mid) ? MessengerEventOutcome.Ignored : MessengerEventOutcome.Duplicate);
        }

        var conversation = await GetOrStartAsync(integrationId, e, ct);
        var text = e.Text ?? string.Empty;
        var message = MessengerMessage.FromCustomer(conversation.Id, e.Mid, text, e.Timestamp);
        conversation.RecordCustomerMessage(text, e.Timestamp);
        conversations.AddMessage(message);
        return new Change(MessengerEventOutcome.Stored, conversation, InboxChangeKind.MessageReceived, message);
    }

    private async Task<Change> EchoAsync(int integrationId, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(e.Mid) || await conversations.MessageExistsAsync(e.Mid, ct))
        {
            return Change.None(string.IsNullOrEmpty(e.Mid) ? MessengerEventOutcome.Ignored : MessengerEventOutcome.Duplicate);
        }

        var conversation = await GetOrStartAsync(integrationId, e, ct);
        var text = e.Text ?? string.Empty;
        conversation.RecordPageMessage(text, e.Timestamp);
        if (await conversations.ClaimEchoAsync(conversation.Id, text, e.Mid, e.Timestamp, ct))
        {
            // A LeadOps reply whose send answer has not been recorded yet: same message, now with Meta's id.
            return new Change(MessengerEventOutcome.Updated, conversation, InboxChangeKind.MessageStatusChanged, null);
        }

        var sender = e.AppId is null or MessengerWebhookEvent.MetaPageInboxAppId ? MessageSender.PageInbox : MessageSender.Bot;
        var message = MessengerMessage.FromEcho(conversation.Id, sender, e.Mid, text, e.Timestamp);
        conversations.AddMessage(message);
        return new Change(MessengerEventOutcome.Stored, conversation, InboxChangeKind.MessageSent, message);
    }

    private async Task<Change> ReceiptAsync(MessengerWebhookEvent e, CancellationToken ct)
    {
        var conversation = await conversations.FindAsync(e.PageId, e.Psid, ct);
        if (conversation is null)
        {
            return Change.None(MessengerEventOutcome.Ignored);
        }

        var receipt = e.Kind == MessengerEventKind.Read ? MessageStatus.Read : MessageStatus.Delivered;
        var moved = await conversations.ApplyReceiptAsync(conversation.Id, receipt, e.Mids ?? [], e.Watermark, e.Timestamp, ct);
        return moved > 0
            ? new Change(MessengerEventOutcome.Updated, conversation, InboxChangeKind.MessageStatusChanged, null)
            : Change.None(MessengerEventOutcome.Ignored);
    }

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

    private sealed record Change(MessengerEventOutcome Outcome, Conversation? Conversation, InboxChangeKind Kind, MessengerMessage? Message)
    {
        public static Change None(MessengerEventOutcome outcome) => new(outcome, null, InboxChangeKind.ConversationChanged, null);
    }
}
