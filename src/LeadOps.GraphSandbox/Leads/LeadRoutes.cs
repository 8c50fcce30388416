namespace LeadOps.GraphSandbox;

/// <summary>
/// The leads routes: <c>GET /{form-id}/leads</c> (newest first, as every edge of leads: <see cref="Edge"/>; <c>limit</c> capped at
/// <see cref="SandboxOptions.LeadsLimitCap"/>; cursors name a position; <c>filtering</c> on <c>time_created</c>) and the
/// lead node, read through <c>GET /{id}</c>.
/// </summary>
internal static class LeadRoutes
{
    private static readonly NodeFields Fields = new(
        "Lead",
        [
            "id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name", "form_id",
            "field_data", "is_organic", "platform", "partner_name", "retailer_item_id", "custom_disclaimer_responses",
            "home_listing", "vehicle", "post", "post_submission_check_result",
        ],
        ["created_time", "id", "field_data"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGraph(HttpMethods.Get, "{id}/leads", FaultRoutes.Leads, NodeResolver.Form, List);

    /// <summary>The lead node (<see cref="GraphCall.Lead"/>), without its id when the lead was submitted so (<see cref="SandboxLead.ReadWithoutId"/>).</summary>
    public static GraphReply Read(GraphCall call)
    {
        var lead = call.Lead!.Value;
        if ((FieldSelection.Parse(call, Fields, out var names) ?? WithoutCapability(call, names)) is { } error)
        {
            return GraphReply.Fail(error);
        }

        var node = FieldSelection.Pick(GraphJson.ToObject(ToJson(call, lead)), names);
        if (call.State.Leads.ChosenFor(lead)?.ReadWithoutId == true)
        {
            node.Remove("id");
        }

        return GraphReply.Json(node);
    }

    private static GraphReply List(GraphCall call)
    {
        var filter = LeadTimeFilter.None;
        return Edge(call, () => LeadTimeFilter.Parse(call.Param("filtering"), out filter), request => call.State.Leads.Query(call.Form!, filter, request));
    }

    /// <summary>
    /// An edge of leads (<c>leads</c>, <c>test_leads</c>) as Graph pages every edge: <c>limit</c> (capped at
    /// <see cref="SandboxOptions.LeadsLimitCap"/>), cursors, the fields asked for, then the edge's own <paramref name="check"/>.
    /// </summary>
    internal static GraphReply Edge(GraphCall call, Func<GraphError?> check, Func<PageRequest, KeysetPage<LeadRef>> load)
    {
        if (PageRequest.Parse(call, call.State.Options.LeadsLimitCap, out var request) is { } error)
        {
            return GraphReply.Fail(error);
        }

        if ((FieldSelection.Parse(call, Fields, out var fields) ?? WithoutCapability(call, fields) ?? check()) is { } fieldsError)
        {
            return GraphReply.Fail(fieldsError);
        }

        return EdgeReply.Of(call, request, fields, () => load(request), lead => ListedJson(call, lead));
    }

    /// <summary>
    /// "(#3) Application does not have the capability …" when a field asked for is one the app may not read
    /// (<see cref="SandboxOptions.LeadFieldsWithoutCapability"/>); "(#100) Tried accessing nonexisting field" when it is one
    /// this version does not have (<see cref="SandboxOptions.LeadFieldsUnknown"/>).
    /// </summary>
    private static GraphError? WithoutCapability(GraphCall call, IReadOnlyList<string> fields) =>
        fields.FirstOrDefault(call.State.Options.LeadFieldsUnknown.Contains) is { } unknown ? GraphErrors.NonexistingField(unknown, Fields.NodeType)
        : fields.Any(call.State.Options.LeadFieldsWithoutCapability.Contains) ? GraphErrors.ApplicationLacksCapability()
        : null;

    /// <summary>An item of the edge: without its id when the lead was submitted so (<see cref="SandboxLead.ListedWithoutId"/>).</summary>
    private static LeadJson ListedJson(GraphCall call, LeadRef lead) =>
        call.State.Leads.ChosenFor(lead)?.ListedWithoutId == true ? ToJson(call, lead) with { Id = null } : ToJson(call, lead);

    /// <summary>The lead as Graph answers it; without <c>field_data</c> under a <see cref="FaultKind.LeadWithoutFieldData"/> fault.</summary>
    internal static LeadJson ToJson(GraphCall call, LeadRef lead)
    {
        var json = LeadJson.Of(lead, call.State.Leads.Read(lead), call.State.Leads.ChosenFor(lead));
        return call.WithoutFieldData ? json with { FieldData = null } : json;
    }
}
