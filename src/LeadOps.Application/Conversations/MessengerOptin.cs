namespace LeadOps.Application.Conversations;

/// <summary>An opt-in: its type, title, payload, the notification-messages token (secret), frequency, status and the token's expiry.</summary>
public sealed record MessengerOptin(string? Type, string? Title, string? Payload, string? Token, string? Frequency, string? Status, DateTimeOffset? TokenExpiresAt)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"MessengerOptin {{ Type = {Type}, Title = {Title}, HasToken = {Token is not null} }}";

    public NotificationOptin ToOptin() => new(Type, Title, Payload, Frequency, Status, TokenExpiresAt);
}
