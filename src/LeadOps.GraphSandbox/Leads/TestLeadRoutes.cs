namespace LeadOps.GraphSandbox;

/// <summary>
/// Test leads, as Graph's Lead Ads testing API has them: <c>POST /{form-id}/test_leads</c> creates one (organic, no ad,
/// with the <c>field_data</c> and <c>custom_disclaimer_responses</c> given) and fires its leadgen webhook;
/// <c>GET /{form-id}/test_leads</c> lists it, paged as every edge; <c>DELETE /{lead-id}</c> deletes it. The POST keeps Meta's
/// rule of one test lead per form; a form may still list more (<see cref="SandboxLead.IsTestLead"/>), each to be deleted.
/// </summary>
internal static class TestLeadRoutes
{
    private const string Path = "{id}/test_leads";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGraph(HttpMethods.Post, Path, FaultRoutes.TestLeads, NodeResolver.Form, Create);
        app.MapGraph(HttpMethods.Get, Path, FaultRoutes.TestLeads, NodeResolver.Form, List);
        app.MapGraph(HttpMethods.Delete, "{id}", FaultRoutes.Lead, NodeResolver.AnyNode, Delete);
    }

    private static GraphReply Create(GraphCall call)
    {
        var badAnswers = Answers(call.Param("field_data"), out var answers);
        var bad = Consents(call.Param("custom_disclaimer_responses"), out var consents) ?? badAnswers;
        if (bad is not null)
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter($"param {bad} must be a JSON array of the lead's {bad} objects."));
        }

        var id = call.State.Leads.CreateTestLead(call.Form!, new SandboxLead { Answers = answers, Consents = consents });
        return id is null
            ? GraphReply.Fail(GraphErrors.InvalidParameter("A test lead already exists for this form. Delete it before creating another one."))
            : GraphReply.Json(new CreatedJson(id));
    }

    /// <summary>The form's test leads, newest first, paged as every edge of leads (<see cref="LeadRoutes.Edge"/>).</summary>
    private static GraphReply List(GraphCall call) => LeadRoutes.Edge(
        call, () => null, request => KeysetPager.Page(call.State.Leads.TestLeadsOf(call.Form!), LeadRef.KeyOf, long.MinValue, long.MaxValue, request));

    private static GraphReply Delete(GraphCall call)
    {
        if (call.Lead is not { } lead || !call.State.Leads.IsTestLead(lead))
        {
            return GraphReply.Fail(GraphErrors.UnknownObject(call.PathId!, "delete"));
        }

        call.State.Leads.Delete(lead);
        return GraphReply.Json(new SuccessJson(true));
    }

    /// <summary><c>[{"name":"full_name","values":["…"]}]</c>; absent means the form's usual dummy answers.</summary>
    private static string? Answers(string? raw, out IReadOnlyDictionary<string, IReadOnlyList<string>>? answers)
    {
        answers = null;
        if (raw is null)
        {
            return null;
        }

        try
        {
            var items = JsonSerializer.Deserialize<List<FieldData>>(raw, GraphJson.Options);
            answers = items?.Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name, i => i.Values ?? []);
            return answers is null ? "field_data" : null;
        }
        catch (JsonException)
        {
            return "field_data";
        }
    }

    /// <summary><c>[{"checkbox_key":"optional_1","is_checked":"1"}]</c>.</summary>
    private static string? Consents(string? raw, out IReadOnlyDictionary<string, object>? consents)
    {
        consents = null;
        if (raw is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var key = item.GetProperty("checkbox_key").GetString()!;
                var value = item.GetProperty("is_checked");
                result[key] = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : value.ToString();
            }

            consents = result;
            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return "custom_disclaimer_responses";
        }
    }

    private sealed record CreatedJson(string Id);
}
