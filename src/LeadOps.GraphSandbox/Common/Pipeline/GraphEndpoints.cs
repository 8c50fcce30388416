namespace LeadOps.GraphSandbox;

/// <summary>Maps Graph routes under any <c>/vNN.N/</c> version segment; each runs the <see cref="GraphPipeline"/> before its handler.</summary>
internal static class GraphEndpoints
{
    /// <param name="app">The app.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path after the version segment, e.g. <c>{id}/leads</c>.</param>
    /// <param name="route">The route's name in <see cref="FaultRoutes"/>.</param>
    /// <param name="resolve">Finds the node the call is about (a <see cref="NodeResolver"/> member).</param>
    /// <param name="handler">The route's own work, once the pipeline let the call through.</param>
    public static void MapGraph(
        this IEndpointRouteBuilder app, string method, string path, string route, Func<GraphCall, GraphError?> resolve, Func<GraphCall, Task<GraphReply>> handler) =>
        app.MapMethods("/{version}/" + path, [method], (HttpContext http, string version) => GraphPipeline.RunAsync(http, version, route, resolve, handler));

    /// <inheritdoc cref="MapGraph(IEndpointRouteBuilder, string, string, string, Func{GraphCall, GraphError?}, Func{GraphCall, Task{GraphReply}})"/>
    public static void MapGraph(
        this IEndpointRouteBuilder app, string method, string path, string route, Func<GraphCall, GraphError?> resolve, Func<GraphCall, GraphReply> handler) =>
        app.MapGraph(method, path, route, resolve, call => Task.FromResult(handler(call)));
}
