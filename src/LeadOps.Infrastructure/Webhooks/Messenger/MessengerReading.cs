namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// One Messenger event as read, and, for an entry (in <c>standby[]</c> or <c>messaging[]</c>) whose id is the customer (the
/// event's sender, or an echo's recipient) rather than the page, the same event read with its other party as the page: the
/// standby reference prints the page as the entry's id in its sample, but describes that id as "The PSID of the user that
/// triggered the webhook event", and chaskiq/chaskiq's Messenger hook spec writes the customer there. SDK fixtures also
/// write the page as the sender, so the webhook takes the second reading only when its page is connected and the first's is not.
/// The same second reading is given for an echo in a body that names no page, whose sender SDK fixtures write as the customer.
/// </summary>
internal sealed record MessengerReading(MessengerWebhookEvent Event, MessengerWebhookEvent? WithOtherPartyAsPage = null);
