namespace LeadOps.Application.Conversations;

/// <summary>The Messenger webhook events LeadOps records (Meta's field names in brackets).</summary>
public enum MessengerEventKind
{
    /// <summary>A customer's message: text, attachments, a quick reply, a quoted reply [messages].</summary>
    Message,

    /// <summary>A message the page sent (by LeadOps, the bot, or someone in Meta's inbox) [message_echoes].</summary>
    Echo,

    Delivery,

    Read,

    /// <summary>The customer tapped a button: Get Started, a postback button, the persistent menu [messaging_postbacks].</summary>
    Postback,

    /// <summary>The customer reacted to a message, or took the reaction back [message_reactions].</summary>
    Reaction,

    /// <summary>The customer edited a message [message_edits].</summary>
    Edit,

    /// <summary>The customer came to the open thread from an ad or a link [messaging_referrals].</summary>
    Referral,

    /// <summary>The customer opted in to notification messages [messaging_optins].</summary>
    Optin,

    /// <summary>Thread control was passed, taken or requested [messaging_handovers].</summary>
    Handover,

    /// <summary>Meta warned or blocked the page's messaging, or lifted a block [messaging_policy_enforcement].</summary>
    PolicyEnforcement,
}
