namespace LeadOps.Domain.Conversations;

/// <summary>
/// An answer a staff member keeps to insert instead of retyping it: a title to find it by, and a text with variables
/// (<c>{first_name}</c>, <c>{page_name}</c>, <c>{staff_name}</c>) filled in for the conversation it goes into.
/// </summary>
public sealed class SavedReply : IOwnedByUser
{
    public const int TitleLength = 100;
    public const int TextLength = MessengerMessage.MaxTextLength;
    public const int MaxPerUser = 500;

    public static readonly IReadOnlyList<string> Variables = ["{first_name}", "{page_name}", "{staff_name}"];

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string OwnerId { get; set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static SavedReply Create(string title, string text, DateTimeOffset now)
    {
        var reply = new SavedReply();
        reply.Change(title, text, now);
        return reply;
    }

    public void Change(string title, string text, DateTimeOffset now)
    {
        Title = TextLimit.Cut(title.Trim(), TitleLength);
        Text = TextLimit.Cut(text.Trim(), TextLength);
        UpdatedAt = now;
    }

    /// <summary>The text for one conversation: each variable replaced (an unknown value by nothing), kept within Messenger's limit.</summary>
    public string Expand(string? firstName, string? pageName, string? staffName) =>
        TextLimit.Cut(Text
            .Replace("{first_name}", firstName?.Trim() ?? string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("{page_name}", pageName?.Trim() ?? string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("{staff_name}", staffName?.Trim() ?? string.Empty, StringComparison.OrdinalIgnoreCase), MessengerMessage.MaxTextLength);
}
