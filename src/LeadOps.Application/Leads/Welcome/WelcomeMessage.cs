namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// A rendered welcome message. <see cref="MessageId"/> is derived from the lead, so every attempt carries the same one.
/// The subject holds no control characters; the HTML body has every lead value HTML-encoded.
/// </summary>
public sealed record WelcomeMessage(string MessageId, WelcomeRecipient To, string Subject, string TextBody, string HtmlBody);
