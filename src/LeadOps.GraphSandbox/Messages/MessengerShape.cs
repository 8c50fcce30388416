namespace LeadOps.GraphSandbox;

/// <summary>
/// How the sandbox writes one Messenger webhook: its envelope, how times and app ids are written, and whether the
/// sender is named by <c>user_ref</c> (a customer without a page-scoped id yet) instead of <c>id</c>. The default is
/// what real deliveries look like; tests pick the variants Meta's documentation shows.
/// </summary>
public sealed record MessengerShape
{
    public static MessengerShape Default { get; } = new();

    public MessengerEnvelope Envelope { get; init; } = MessengerEnvelope.Messaging;

    public MessengerTimeForm Time { get; init; } = MessengerTimeForm.MillisNumber;

    public MessengerIdForm AppId { get; init; } = MessengerIdForm.Number;

    public bool SenderAsUserRef { get; init; }

    /// <summary>A policy notice keyed <c>"policy-enforcement"</c>, as Meta's older reference text printed it, instead of <c>"policy_enforcement"</c>.</summary>
    public bool PolicyKeyWithHyphen { get; init; }

    /// <summary>
    /// The entry's <c>id</c> is the customer rather than the page (the sender of a customer's event, the recipient of an
    /// echo): the standby reference describes the entry's id as "The PSID of the user that triggered the webhook event",
    /// though its sample prints the page, and chaskiq/chaskiq's Messenger hook spec writes its <c>messaging[]</c> entries so.
    /// </summary>
    public bool EntryIdIsCustomer { get; init; }

    /// <summary>
    /// A reaction written inside a message, <c>"message":{"reaction":{…}}</c>, as Meta's "Replies and Reactions Webhooks"
    /// page (messenger-platform/webhook/reply_and_reactions) prints its schema, instead of the reference's <c>"reaction":{…}</c>.
    /// </summary>
    public bool ReactionInsideMessage { get; init; }

    /// <summary>
    /// The reaction is the page's (sent with the Send API's <c>sender_action: "react"</c> or in Meta Business Suite): written
    /// with the page as <c>sender</c> and the customer as <c>recipient</c>, and it opens no window.
    /// </summary>
    public bool ReactionByPage { get; init; }
}
