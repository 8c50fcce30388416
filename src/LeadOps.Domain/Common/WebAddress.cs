namespace LeadOps.Domain.Common;

/// <summary>Links that arrive from outside (webhooks, Graph) and may be shown to staff as something to click.</summary>
public static class WebAddress
{
    /// <summary>The value trimmed when it is an absolute http(s) address of at most <paramref name="maxLength"/> characters; otherwise null.</summary>
    public static string? Of(string? value, int maxLength) =>
        value?.Trim() is { Length: > 0 } url && url.Length <= maxLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;
}
