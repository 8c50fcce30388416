namespace LeadOps.Domain.Conversations;

/// <summary>
/// How the customer came to the thread (Meta's <c>referral</c>: in a message, a postback or <c>messaging_referrals</c>):
/// an ad (<see cref="AdId"/>, its title and post, the image or video and the product the customer saw), an m.me link's
/// <see cref="Ref"/>, the chat plugin on a website (<see cref="RefererUri"/>), a QR code… <see cref="Source"/> is Meta's
/// word for it (ADS, SHORTLINK, CUSTOMER_CHAT_PLUGIN, …).
/// </summary>
public sealed record Referral(string? Source, string? Ref, string? AdId, string? AdTitle, string? PostId, string? Type)
{
    public const int FieldLength = 500;

    /// <summary>Meta's CDN links (<c>photo_url</c>, <c>video_url</c>) and a website's address (<c>referer_uri</c>).</summary>
    public const int UrlLength = 2000;

    /// <summary><c>ads_context_data.photo_url</c>: the ad's image the customer tapped (Meta's link, which may expire).</summary>
    public string? PhotoUrl { get; init; }

    /// <summary><c>ads_context_data.video_url</c>: the thumbnail of the ad's video.</summary>
    public string? VideoUrl { get; init; }

    /// <summary><c>ads_context_data.product_id</c>: the product of the ad the customer asked about.</summary>
    public string? ProductId { get; init; }

    /// <summary><c>referer_uri</c>: the web page where the customer opened the chat plugin.</summary>
    public string? RefererUri { get; init; }

    /// <summary>
    /// Whether coming back this way opens Messenger's window: an m.me link does (Meta's m.me Links page: it "will reset
    /// the 24-hour standard messaging window"); an ad, the Discover tab or a Messenger code does so only with the message
    /// that follows, which opens it itself.
    /// </summary>
    public bool OpensWindow => IsShortLink(Source);

    /// <summary>
    /// An m.me link: <c>SHORTLINK</c>, or <c>SHORT-URL</c> as Meta's messaging_postbacks reference prints its sample, or
    /// <c>SHORT_URL</c> as its Postback Button Setup page prints the same sample (both tables say m.me links are <c>SHORTLINK</c>).
    /// </summary>
    public static bool IsShortLink(string? source) => source is not null && ShortLinkSources.Contains(source);

    private static readonly HashSet<string> ShortLinkSources = new(["SHORTLINK", "SHORT-URL", "SHORT_URL"], StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => Source is null && Ref is null && AdId is null && AdTitle is null && PostId is null &&
        PhotoUrl is null && VideoUrl is null && ProductId is null && RefererUri is null;

    /// <summary>"Came from ad “Summer sale” (ad 6045…) · product 7310… · ref spring" — what the thread and the header say.</summary>
    public string Describe()
    {
        var (source, adId, title) = (IsShortLink(Source) ? "SHORTLINK" : TextLimit.Words(Source), TextLimit.Words(AdId), TextLimit.Words(AdTitle));
        var from = adId is not null || string.Equals(source, "ADS", StringComparison.OrdinalIgnoreCase)
            ? (title, adId) switch
            {
                (null, null) => "Came from an ad",
                (null, _) => $"Came from ad {adId}",
                _ => $"Came from ad “{title}”{(adId is null ? string.Empty : $" (ad {adId})")}",
            }
            : source is null && TextLimit.Words(ProductId) is not null
                ? "Came from the shop's product page"
                : $"Came from {(source ?? "a link").ToLowerInvariant().Replace('_', ' ')}";
        var on = TextLimit.Words(RefererUri) is { } page ? $" on {page}" : string.Empty;
        var product = TextLimit.Words(ProductId) is { } id ? $" · product {id}" : string.Empty;
        return TextLimit.Words(Ref) is { } reference ? $"{from}{on}{product} · ref {reference}" : from + on + product;
    }

    /// <summary>An absolute http(s) address of at most <see cref="UrlLength"/> characters; anything else is not kept.</summary>
    public static string? WebAddress(string? value) => Common.WebAddress.Of(value, UrlLength);
}
