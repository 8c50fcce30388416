namespace LeadOps.Domain.Conversations;

/// <summary>
/// How the customer came to the thread (Meta's <c>referral</c>: in a message, a postback or <c>messaging_referrals</c>):
/// an ad (<see cref="AdId"/>, its title and post), an m.me link's <see cref="Ref"/>, a QR code… <see cref="Source"/> is
/// Meta's word for it (ADS, SHORTLINK, CUSTOMER_CHAT_PLUGIN, …).
/// </summary>
public sealed record Referral(string? Source, string? Ref, string? AdId, string? AdTitle, string? PostId, string? Type)
{
    public const int FieldLength = 500;

    public bool IsEmpty => Source is null && Ref is null && AdId is null && AdTitle is null && PostId is null;

    /// <summary>"Came from ad “Summer sale” (ad 6045…) · ref spring" — what the thread and the header say.</summary>
    public string Describe()
    {
        var from = AdId is not null || string.Equals(Source, "ADS", StringComparison.OrdinalIgnoreCase)
            ? AdTitle is null ? $"Came from ad {AdId}" : $"Came from ad “{AdTitle}”{(AdId is null ? string.Empty : $" (ad {AdId})")}"
            : $"Came from {(Source ?? "a link").ToLowerInvariant().Replace('_', ' ')}";
        return Ref is null ? from : $"{from} · ref {Ref}";
    }
}
