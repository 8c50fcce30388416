namespace LeadOps.GraphSandbox;

/// <summary>
/// A referral as Meta writes it: <c>source</c> ADS (with the ad id and <c>ads_context_data</c>: title, image, video
/// thumbnail, post, product), SHORTLINK (an m.me link's <c>ref</c>), CUSTOMER_CHAT_PLUGIN (with the web page's
/// <c>referer_uri</c>), …
/// </summary>
public sealed record SandboxReferral(string Source = "ADS", string? Ref = null, string? AdId = null, string? AdTitle = null, string? PostId = null)
{
    public string Type { get; init; } = "OPEN_THREAD";

    public string? PhotoUrl { get; init; }

    public string? VideoUrl { get; init; }

    public string? ProductId { get; init; }

    public string? RefererUri { get; init; }

    /// <summary>The product of the Shops product page the customer wrote from: written alone, <c>{"product":{"id":…}}</c>.</summary>
    public string? ShopProductId { get; init; }

    /// <summary>A message sent from a Shops product page, as the <c>messages</c> reference writes its <c>message.referral</c>.</summary>
    public static SandboxReferral ShopProduct(string productId) => new() { ShopProductId = productId };
}
