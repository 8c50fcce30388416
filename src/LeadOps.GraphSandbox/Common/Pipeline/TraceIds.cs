namespace LeadOps.GraphSandbox;

/// <summary>Deterministic, realistic-looking <c>fbtrace_id</c>s, one per request, numbered from the last reset.</summary>
internal sealed class TraceIds(SandboxOptions options, Lock gate)
{
    private const long SeedStream = 6;
    private const string HttpItem = "LeadOps.GraphSandbox.TraceId";

    private long _counter;

    /// <summary>The fbtrace_id of this request, the same one <see cref="RecordedRequest.FbTraceId"/> shows.</summary>
    public static string Of(HttpContext http)
    {
        if (http.Items.TryGetValue(HttpItem, out var value) && value is string traceId)
        {
            return traceId;
        }

        traceId = http.RequestServices.GetRequiredService<SandboxState>().TraceIds.Next();
        http.Items[HttpItem] = traceId;
        return traceId;
    }

    public string Next()
    {
        long counter;
        lock (gate)
        {
            counter = ++_counter;
        }

        return "A" + SeededRandom.For(options.Seed, SeedStream, counter).NextBase62(22);
    }

    public void Reset()
    {
        lock (gate)
        {
            _counter = 0;
        }
    }
}
