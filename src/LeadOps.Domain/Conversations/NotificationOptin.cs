namespace LeadOps.Domain.Conversations;

/// <summary>
/// A customer's opt-in (Meta's <c>messaging_optins</c>): to notification messages on a topic (<see cref="Title"/>,
/// <see cref="Frequency"/>, until <see cref="TokenExpiresAt"/>), or a Send to Messenger tap. The token that lets the
/// page send those messages is kept encrypted apart from this.
/// </summary>
public sealed record NotificationOptin(string? Type, string? Title, string? Payload, string? Frequency, string? Status, DateTimeOffset? TokenExpiresAt)
{
    public const int FieldLength = 500;

    public string Describe()
    {
        var what = Type == "notification_messages" || Title is not null
            ? $"Opted in to notification messages{(Title is null ? string.Empty : $": “{Title}”")}{(Frequency is null ? string.Empty : $" ({Frequency.ToLowerInvariant()})")}"
            : "Opted in (Send to Messenger)";
        return Status is null ? what : $"{what} · {Status.ToLowerInvariant().Replace('_', ' ')}";
    }
}
