namespace LeadOps.GraphSandbox;

/// <summary>
/// The lead form routes: <c>GET /{page-id}/leadgen_forms</c> (3 forms per page, newest first, paging) and the form
/// node, read through <c>GET /{id}</c>.
/// </summary>
internal static class FormRoutes
{
    private const int MaxFormsLimit = 100;

    private static readonly NodeFields Fields = new(
        "LeadgenForm",
        ["id", "name", "status", "locale", "created_time", "leads_count", "expired_leads_count", "questions", "page", "privacy_policy_url"],
        ["id", "locale", "name", "status"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGraph(HttpMethods.Get, "{id}/leadgen_forms", FaultRoutes.LeadgenForms, NodeResolver.Page, List);

    /// <summary>The form node (<see cref="GraphCall.Form"/>).</summary>
    public static GraphReply Read(GraphCall call) => FieldSelection.Node(call, ToJson(call, call.Form!), Fields);

    private static GraphReply List(GraphCall call)
    {
        if (PageRequest.Parse(call, MaxFormsLimit, out var request) is { } error)
        {
            return GraphReply.Fail(error);
        }

        if (FieldSelection.Parse(call, Fields, out var fields) is { } fieldsError)
        {
            return GraphReply.Fail(fieldsError);
        }

        return EdgeReply.Of(call, request, fields, () => call.State.Forms.Query(call.Page!, request), form => ToJson(call, form));
    }

    private static FormJson ToJson(GraphCall call, FormState form) => FormJson.Of(form, call.State.Leads.CountOf(form));
}
