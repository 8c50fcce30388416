namespace LeadOps.Domain.Conversations;

/// <summary>What a row of the thread is: something someone wrote, a tap on a button, or a note about the conversation.</summary>
public enum MessageKind
{
    /// <summary>A message with text and/or attachments (the customer's, staff's, the bot's or Meta's inbox's).</summary>
    Message = 0,

    /// <summary>The customer tapped a button (Get Started, a postback button, the persistent menu).</summary>
    Postback = 1,

    /// <summary>The customer came from an ad, an m.me link or another referral while the thread was open.</summary>
    Referral = 2,

    /// <summary>Thread control moved between apps (pass, take, request).</summary>
    Handover = 3,

    /// <summary>The customer opted in to (or changed) notification messages.</summary>
    Optin = 4,

    /// <summary>Something LeadOps did or learned about the thread (e.g. thread control it asked Meta for).</summary>
    Note = 5,

    /// <summary>A staff member's note for colleagues: kept in LeadOps, never sent to Meta.</summary>
    InternalNote = 6,
}
