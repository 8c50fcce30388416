using System.Net;
using System.Net.Http.Headers;

namespace LeadOps.Infrastructure.Conversations.Files;

/// <summary>
/// Fetches a file Meta links to, never more than the limit: only over https from Meta's CDN hosts (or the Graph host,
/// which is the sandbox in development and tests), following at most three redirects, each checked the same way. Any
/// other link is refused without a request: a webhook's URLs are Meta's, and LeadOps fetches nothing else.
/// </summary>
internal sealed partial class MetaLinkFetcher(IHttpClientFactory clients, IOptions<FileStoreOptions> options, IOptions<Graph.FacebookOptions> facebook, ILogger<MetaLinkFetcher> logger)
    : IAttachmentFetcher
{
    public const string ClientName = "LeadOps.Attachments";
    private const int MaxRedirects = 3;

    public async Task<FetchedFile> FetchAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DownloadTimeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            var target = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
            for (var hop = 0; hop <= MaxRedirects && target is not null; hop++)
            {
                if (!Allowed(target))
                {
                    return new FetchedFile(FetchOutcome.Failed, Problem: "the link is not one of Meta's");
                }

                using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.StatusCode is HttpStatusCode.Moved or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
                {
                    target = response.Headers.Location is { } next ? new Uri(target, next) : null;
                    continue;
                }

                return response.IsSuccessStatusCode
                    ? await ReadAsync(response, maxBytes, timeout.Token)
                    : new FetchedFile(FetchOutcome.Failed, Problem: $"Meta's link answered HTTP {(int)response.StatusCode} (it may have expired)");
            }

            return new FetchedFile(FetchOutcome.Failed, Problem: "the link could not be followed");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex.GetType().Name);
            return new FetchedFile(FetchOutcome.Failed, Problem: ex is OperationCanceledException ? "Meta's link did not answer in time" : "Meta's link could not be reached");
        }
    }

    private static async Task<FetchedFile> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return new FetchedFile(FetchOutcome.TooLarge);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new FetchedFile(FetchOutcome.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return new FetchedFile(FetchOutcome.Fetched, buffer.ToArray(), response.Content.Headers.ContentType?.MediaType, FileNameOf(response.Content.Headers.ContentDisposition));
    }

    private bool Allowed(Uri uri)
    {
        var graph = facebook.Value.GraphBaseUrl is { } baseUrl && Uri.TryCreate(baseUrl, UriKind.Absolute, out var g) ? g : null;
        if (graph is not null && string.Equals(uri.Host, graph.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == graph.Port && uri.Scheme == graph.Scheme)
        {
            return true;
        }

        return uri.Scheme == Uri.UriSchemeHttps && FileStoreOptions.MetaHosts.Concat(options.Value.ExtraAllowedHosts).Any(h => h.StartsWith('.')
            ? uri.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase)
            : string.Equals(uri.Host, h, StringComparison.OrdinalIgnoreCase));
    }

    private static string? FileNameOf(ContentDispositionHeaderValue? disposition) => (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetching one of Meta's attachment links failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
