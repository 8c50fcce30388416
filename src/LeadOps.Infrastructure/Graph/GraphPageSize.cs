namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// How many items a walk over a Graph edge asks for per page. When Graph finds a page too heavy to send ("Please reduce
/// the amount of data you're asking for", <see cref="GraphFailure.TooMuchData"/>), the same page is asked for again with
/// half as many items, down to one, and the rest of the walk keeps the smaller size. Each halving is logged, so that a
/// walk that makes many small calls against the page's budget can be told from one that is simply long.
/// </summary>
internal sealed partial class GraphPageSize(int initial, string edge, ILogger logger)
{
    public int Current { get; private set; } = initial;

    public async Task<T> RunAsync<T>(Func<int, Task<T>> call)
    {
        while (true)
        {
            try
            {
                return await GraphCall.RunAsync(() => call(Current));
            }
            catch (GraphApiException ex) when (ex.Failure.TooMuchData && Current > 1)
            {
                var refused = Current;
                Current = refused / 2;
                LogHalved(logger, edge, refused, Current);
            }
        }
    }

    [LoggerMessage(EventName = "GraphPageHalved", Level = LogLevel.Warning, Message = "Graph found a page of {Edge} too heavy to send at {Asked} items; asking again with {Smaller}")]
    private static partial void LogHalved(ILogger logger, string edge, int asked, int smaller);
}
