namespace LeadOps.Infrastructure.Welcome;

/// <summary>What a stored welcome e-mail says, for the lead's page: shown as text (never as the message's HTML).</summary>
public sealed record StoredWelcomeCopy(string Subject, string To, string Text);
