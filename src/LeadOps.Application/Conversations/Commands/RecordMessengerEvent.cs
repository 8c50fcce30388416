namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// A Messenger webhook event for one of the acting user's integrations: what the customer does
/// (<see cref="CustomerEventRecorder"/>), what happens on the page's side (<see cref="PageEventRecorder"/>), receipts, and
/// Meta's policy enforcement. Customer events create or update the conversation for (page, PSID); every event is stored
/// once however often Meta delivers it. The conversation's events push each stored change to the owner's open Inbox pages
/// once it is saved.
/// </summary>
public sealed record RecordMessengerEvent(int IntegrationId, MessengerWebhookEvent Event) : ICommand<Result<MessengerEventOutcome>>;

internal sealed class RecordMessengerEventHandler(
    IIntegrationRepository integrations,
    IConversationRepository conversations,
    CustomerEventRecorder customer,
    PageEventRecorder page,
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
                MessengerEventKind.Message => await customer.MessageAsync(integration, e, cancellationToken),
                MessengerEventKind.Postback => await customer.PostbackAsync(integration, e, cancellationToken),
                MessengerEventKind.Edit => await customer.EditAsync(integration, e, cancellationToken),
                MessengerEventKind.Reaction => await customer.ReactionAsync(e, cancellationToken),
                MessengerEventKind.Referral => await customer.ReferralAsync(integration, e, cancellationToken),
                MessengerEventKind.Optin => await customer.OptinAsync(integration, e, cancellationToken),
                MessengerEventKind.Echo => await page.EchoAsync(integration, e, cancellationToken),
                MessengerEventKind.Handover => await page.HandoverAsync(integration, e, cancellationToken),
                MessengerEventKind.PolicyEnforcement => page.Policy(integration, e),
                _ => await page.ReceiptAsync(e, cancellationToken),
            };
            await page.StandbyAsync(e, cancellationToken);

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
}
