namespace LeadOps.Infrastructure.Graph;

/// <summary>Reads a failed Graph response (body, usage headers, Retry-After) into a classified <see cref="GraphFailure"/>.</summary>
internal static class GraphErrorReader
{
    /// <summary>Graph error bodies are small; anything bigger is not one.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<GraphFailure> ReadAsync(
        HttpResponseMessage response,
        GraphUsage usage,
        string? accessToken,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var error = GraphAuthenticateHeader.Complete(await TryReadErrorAsync(response, cancellationToken), response);
        var failure = GraphErrorClassifier.Classify(error, (int)response.StatusCode, usage, RetryAfter(response, now), now);
        return Redact(failure, accessToken);
    }

    /// <summary>
    /// A success answer whose body is Graph's error after all (<c>{"error":{"code":10,…}}</c> with HTTP 200, as Meta answers
    /// some Send API and handover calls): classified like any refusal; null for every other success. The body is buffered
    /// first, so it is still there for the caller to read.
    /// </summary>
    public static async Task<GraphFailure?> ReadRefusalInSuccessAsync(
        HttpResponseMessage response,
        GraphUsage usage,
        string? accessToken,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxErrorBodyBytes)
        {
            return null;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var head = new byte[256];
        var body = await response.Content.ReadAsStreamAsync(cancellationToken); // the buffer's stream: the caller reads it next
        var read = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        body.Position = 0;

        if (!OpensWithError(head.AsSpan(0, read)))
        {
            return null; // every ordinary answer (a page of leads, say) stops here, read no further than its first key
        }

        return await TryReadErrorAsync(response, cancellationToken) is { } error && (error.Code is not null || error.Message is not null)
            ? Redact(GraphErrorClassifier.Classify(error, (int)response.StatusCode, usage, null, now), accessToken)
            : null;
    }

    /// <summary>Whether the body is an object whose first key is <c>error</c>, as Graph's error envelope is.</summary>
    private static bool OpensWithError(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip }));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() &&
                   reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("error"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Some Graph messages echo what they were given; make sure the token is never one of those things.</summary>
    public static GraphFailure Redact(GraphFailure failure, string? accessToken) =>
        string.IsNullOrEmpty(accessToken)
            ? failure
            : failure with
            {
                Message = failure.Message.Replace(accessToken, "[token]", StringComparison.Ordinal),
                UserTitle = failure.UserTitle?.Replace(accessToken, "[token]", StringComparison.Ordinal),
            };

    private static async Task<GraphErrorDto?> TryReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxErrorBodyBytes)
        {
            return null;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return body.Length == 0 ? null : JsonSerializer.Deserialize<GraphErrorEnvelope>(body, GraphJson.Options)?.Error;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };
}
