using System.Net.Http.Headers;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Puts the call's token in <c>Authorization: Bearer</c> (never in the URL) and, when an app secret is configured,
/// adds <c>appsecret_proof</c> and <c>appsecret_time</c>. It sits inside the resilience handler, so every attempt is
/// signed with a fresh time.
/// </summary>
internal sealed class GraphAuthHandler(IOptionsMonitor<FacebookOptions> options, TimeProvider timeProvider) : DelegatingHandler
{
    private const string ProofParameter = "appsecret_proof";
    private const string TimeParameter = "appsecret_time";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = request.GetRequiredGraphContext();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);

        var appSecret = options.CurrentValue.AppSecret;
        if (!context.IsAppToken && !string.IsNullOrEmpty(appSecret) && request.RequestUri is { } uri)
        {
            var unixTime = timeProvider.GetUtcNow().ToUnixTimeSeconds();
            var proof = AppSecretProof.Compute(context.AccessToken, appSecret, unixTime);
            request.RequestUri = WithProof(uri, proof, unixTime);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Replaces any proof left by an earlier attempt of the same request.</summary>
    private static Uri WithProof(Uri uri, string proof, long unixTime)
    {
        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsParameter(pair, ProofParameter) && !IsParameter(pair, TimeParameter));
        var query = string.Join('&', kept.Append($"{ProofParameter}={proof}").Append($"{TimeParameter}={unixTime.ToString(CultureInfo.InvariantCulture)}"));
        return new UriBuilder(uri) { Query = query }.Uri;
    }

    private static bool IsParameter(string pair, string name) =>
        pair.StartsWith(name, StringComparison.Ordinal) && (pair.Length == name.Length || pair[name.Length] == '=');
}
