namespace LeadOps.Application.Conversations;

/// <summary>A tap on a postback button, Get Started or a persistent menu item: its title and payload.</summary>
public sealed record MessengerPostback(string? Title, string? Payload);
