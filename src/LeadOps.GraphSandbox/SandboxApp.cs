namespace LeadOps.GraphSandbox;

/// <summary>Wires the sandbox into an ASP.NET Core app: the request log, the control API, the Graph routes of each resource.</summary>
internal static class SandboxApp
{
    public static void ConfigureServices(IServiceCollection services, SandboxState state)
    {
        services.AddRoutingCore();
        services.AddSingleton(state);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
    }

    public static void Map(WebApplication app)
    {
        app.Use(RequestRecorder.RecordAsync);
        ControlRoutes.Map(app);
        TokenRoutes.Map(app);
        PageRoutes.Map(app);
        FormRoutes.Map(app);
        LeadRoutes.Map(app);
        TestLeadRoutes.Map(app);
        SubscriptionRoutes.Map(app);
        MessageRoutes.Map(app);
        CdnRoutes.Map(app);
        ConversionRoutes.Map(app);
        app.MapFallback((HttpContext http) =>
        {
            var error = GraphErrors.UnknownPath(http.Request.Path.ToString());
            return Results.Text(GraphJson.Serialize(error.ToEnvelope(TraceIds.Of(http))), GraphReply.JsonContentType, statusCode: error.HttpStatus);
        });
    }
}
