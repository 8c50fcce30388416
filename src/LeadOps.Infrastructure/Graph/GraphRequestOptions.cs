using Refit;

namespace LeadOps.Infrastructure.Graph;

/// <summary>Keys and accessors for what the Graph handlers share through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class GraphRequestOptions
{
    /// <summary>Key of the <see cref="GraphCallContext"/> that adapters pass with Refit's <c>[Property]</c>.</summary>
    public const string ContextKey = "LeadOps.Graph.Context";

    private static readonly HttpRequestOptionsKey<GraphCallContext> ContextOption = new(ContextKey);
    private static readonly HttpRequestOptionsKey<GraphCallState> StateOption = new("LeadOps.Graph.State");

    public static GraphCallContext? GetGraphContext(this HttpRequestMessage request) =>
        request.Options.TryGetValue(ContextOption, out var context) ? context : null;

    public static GraphCallContext GetRequiredGraphContext(this HttpRequestMessage request) =>
        request.GetGraphContext()
        ?? throw new InvalidOperationException("A Graph request was sent without a GraphCallContext; call IGraphApi through the Graph adapters.");

    /// <summary>The state of this call, created on first use (by the outermost handler).</summary>
    public static GraphCallState GetGraphState(this HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(StateOption, out var state))
        {
            state = new GraphCallState();
            request.Options.Set(StateOption, state);
        }

        return state;
    }

    /// <summary>Refit's interface method name without the Async suffix (GetLeads), or the HTTP method when unknown.</summary>
    public static string GetOperation(this HttpRequestMessage request)
    {
        var name = request.Options.TryGetValue(new HttpRequestOptionsKey<string>(HttpRequestMessageOptions.MethodName), out var methodName)
            ? methodName
            : null;
        if (string.IsNullOrEmpty(name))
        {
            return request.Method.Method;
        }

        return name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;
    }

    /// <summary>Refit's route template (<c>/{formId}/leads</c>): low-cardinality and free of ids and query values.</summary>
    public static string GetRoute(this HttpRequestMessage request) =>
        request.Options.TryGetValue(new HttpRequestOptionsKey<string>(HttpRequestMessageOptions.RelativePathTemplate), out var route)
            && !string.IsNullOrEmpty(route)
            ? route
            : "(unknown)";
}
