namespace LeadOps.GraphSandbox;

/// <summary>A referral as Meta writes it: <c>source</c> ADS (with the ad id and <c>ads_context_data</c>), SHORTLINK (an m.me link's <c>ref</c>), …</summary>
public sealed record SandboxReferral(string Source = "ADS", string? Ref = null, string? AdId = null, string? AdTitle = null, string? PostId = null)
{
    public string Type { get; init; } = "OPEN_THREAD";
}
