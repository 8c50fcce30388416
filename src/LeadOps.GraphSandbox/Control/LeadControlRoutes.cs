namespace LeadOps.GraphSandbox;

/// <summary>
/// The control API's Lead Ads variants (under <c>/_sandbox</c>, with its loopback rule and errors): a lead with chosen
/// content (<see cref="SandboxLead"/>), a page's Leads Access, and a form's test lead.
/// </summary>
internal static class LeadControlRoutes
{
    public static void Map(RouteGroupBuilder group)
    {
        // {"created_time":…, "created_time_as":"missing|unreadable|unix|iso", "field_data":{"email":["…"]},
        //  "custom_disclaimer_responses":{"optional_1":"1"}, "ad_name":…, "adset_name":…, "campaign_name":…,
        //  "platform":…, "partner_name":…, "retailer_item_id":…, "count":1}
        group.MapPost("/forms/{formId}/custom-leads", async (HttpContext http, SandboxState state, string formId) =>
        {
            using var document = await ControlRoutes.ReadJsonAsync(http);
            var root = document.RootElement;
            var lead = Lead(root);
            var count = root.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : 1;
            if (count is < 1 or > 1000)
            {
                throw new ArgumentException("count must be between 1 and 1000.");
            }

            var ids = Enumerable.Range(0, count).Select(_ => state.SubmitLead(formId, lead)).ToList();
            return Results.Json(new { ids }, ControlRoutes.Json);
        });

        group.MapPost("/pages/{pageId}/lead-access", async (HttpContext http, SandboxState state, string pageId) =>
        {
            using var document = await ControlRoutes.ReadJsonAsync(http);
            var access = !document.RootElement.TryGetProperty("has_lead_access", out var a) || a.ValueKind != JsonValueKind.False;
            state.SetLeadAccess(pageId, access);
            return Results.NoContent();
        });

        group.MapPost("/pages/{pageId}/forms", async (HttpContext http, SandboxState state, string pageId) =>
        {
            using var document = await ControlRoutes.ReadJsonAsync(http);
            var name = Text(document.RootElement, "name") ?? throw new ArgumentException("A form needs \"name\".");
            // "status": null lists the form without one (Graph leaves out a field it has no value for); left out, it is ACTIVE.
            var status = document.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Null ? null : Text(document.RootElement, "status") ?? "ACTIVE";
            var conditional = !document.RootElement.TryGetProperty("conditional_questions", out var c) || c.ValueKind is JsonValueKind.Null
                ? false
                : c.ValueKind is JsonValueKind.True or JsonValueKind.False ? c.GetBoolean() : throw new ArgumentException("conditional_questions must be true or false.");
            return Results.Json(new { id = state.AddForm(pageId, name, status, conditional) }, ControlRoutes.Json, statusCode: 201);
        });

        group.MapGet("/forms/{formId}/test-lead", (SandboxState state, string formId) =>
            Results.Json(new { id = state.TestLeadOf(formId) }, ControlRoutes.Json));
    }

    private static SandboxLead Lead(JsonElement root) => new()
    {
        CreatedTime = root.TryGetProperty("created_time", out var t) ? ControlRoutes.ParseTime(t) : null,
        CreatedTimeAs = Text(root, "created_time_as") is { } form
            ? Enum.TryParse<CreatedTimeForm>(form, ignoreCase: true, out var parsed) ? parsed : throw new ArgumentException("created_time_as must be iso, missing, unreadable or unix.")
            : CreatedTimeForm.Iso,
        Answers = root.TryGetProperty("field_data", out var fields) && fields.ValueKind == JsonValueKind.Object
            ? fields.EnumerateObject().ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[.. f.Value.EnumerateArray().Select(v => v.ToString())])
            : null,
        Consents = root.TryGetProperty("custom_disclaimer_responses", out var consents) && consents.ValueKind == JsonValueKind.Object
            ? consents.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? (object)c.Value.GetBoolean() : c.Value.ToString())
            : null,
        // "is_organic": true/false, or "true"/"false" to have Graph send it as text.
        IsOrganic = Organic(root),
        IsOrganicAsText = root.TryGetProperty("is_organic", out var organic) && organic.ValueKind == JsonValueKind.String,
        AdName = Text(root, "ad_name"),
        AdsetName = Text(root, "adset_name"),
        CampaignName = Text(root, "campaign_name"),
        Platform = Text(root, "platform"),
        PartnerName = Text(root, "partner_name"),
        RetailerItemId = Text(root, "retailer_item_id"),
        HomeListingId = Text(root, "home_listing_id"),
        VehicleId = Text(root, "vehicle_id"),
        PostId = Text(root, "post_id"),
        ListedWithoutId = root.TryGetProperty("listed_without_id", out var withoutId) && withoutId.ValueKind == JsonValueKind.True,
    };

    private static bool? Organic(JsonElement root) =>
        root.TryGetProperty("is_organic", out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
                _ => throw new ArgumentException("is_organic must be true, false, \"true\" or \"false\"."),
            }
            : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
