namespace LeadOps.Application.Common.Graph;

/// <summary>Who LeadOps talks to Graph as: a page and that page's access token (never logged, never in a URL).</summary>
public sealed record GraphCredentials(string PageId, string AccessToken)
{
    public override string ToString() => $"GraphCredentials {{ PageId = {PageId} }}";
}
