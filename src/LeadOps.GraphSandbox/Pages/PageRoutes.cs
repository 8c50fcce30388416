namespace LeadOps.GraphSandbox;

/// <summary>
/// <c>GET /{id}</c>: a node read. The id names a page, a form or a lead of the token's page; the node's own
/// resource answers (forms and leads in <see cref="FormRoutes"/> and <see cref="LeadRoutes"/>).
/// </summary>
internal static class PageRoutes
{
    private static readonly NodeFields Fields = new("Page", ["id", "name", "category", "link", "has_lead_access"], ["id", "name"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGraph(HttpMethods.Get, "{id}", FaultRoutes.Page, NodeResolver.AnyNode, ReadNode);

    /// <summary>The page node (also <c>GET /me</c>); <c>has_lead_access</c> needs leads_retrieval, as on Graph.</summary>
    public static GraphReply Read(GraphCall call)
    {
        var asksLeadAccess = FieldSelection.Parse(call, Fields, out var names) is null && names.Contains("has_lead_access");
        return asksLeadAccess && !call.TokenCheck!.Scopes.Contains(SandboxSeed.ScopeLeadsRetrieval)
            ? GraphReply.Fail(GraphErrors.PermissionMissing(SandboxSeed.ScopeLeadsRetrieval))
            : FieldSelection.Node(call, PageJson.Of(call.Page!), Fields);
    }

    private static GraphReply ReadNode(GraphCall call) => call.Route switch
    {
        FaultRoutes.Lead => LeadRoutes.Read(call),
        FaultRoutes.Form => FormRoutes.Read(call),
        FaultRoutes.UserProfile => MessageRoutes.ReadProfile(call),
        _ => Read(call),
    };
}
