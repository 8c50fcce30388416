namespace LeadOps.Application.Leads.Welcome;

/// <summary>Who the message is for, with every address a channel might use. Values are already free of control characters.</summary>
public sealed record WelcomeRecipient(string? Name, string? Email, string? Phone);
