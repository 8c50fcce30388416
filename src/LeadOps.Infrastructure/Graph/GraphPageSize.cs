namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// How many items a walk over a Graph edge asks for per page. When Graph finds a page too heavy to send ("Please reduce
/// the amount of data you're asking for", <see cref="GraphFailure.TooMuchData"/>), the same page is asked for again with
/// half as many items, down to one, and the rest of the walk keeps the smaller size.
/// </summary>
internal sealed class GraphPageSize(int initial)
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
                Current /= 2;
            }
        }
    }
}
