namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Graph lead → <see cref="FacebookLeadData"/>. Never throws: a lead without an id is reported in <c>Problem</c>, a
/// missing or unreadable created_time in <c>CreatedTimeProblem</c>; ids may come as numbers or strings, answers as
/// several values or none, consent as "1"/"0" or true/false.
/// </summary>
internal static class GraphLeadMapper
{
    /// <summary>
    /// The fields Meta's "Retrieving Leads" guide reads, and the consents: what a read falls back to when Graph refuses one of
    /// the vertical fields (<see cref="GraphLeadFields"/>).
    /// </summary>
    public const string GuideFields =
        "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,field_data,is_organic,platform,custom_disclaimer_responses";

    /// <summary>The fields of leads from vertical forms (partners, catalogues, listings, vehicles, posts).</summary>
    public static readonly IReadOnlyList<string> VerticalFields = FacebookLeadPage.VerticalFields;

    /// <summary>Every lead field Graph has (ad/campaign names need ads permissions; Graph leaves them out otherwise).</summary>
    public static readonly string Fields = GuideFields + "," + string.Join(',', VerticalFields);

    public static FacebookLeadData ToLead(GraphLeadDto dto)
    {
        DateTimeOffset? createdTime = GraphTime.TryParse(dto.CreatedTime, out var parsed) ? parsed : null;
        return new FacebookLeadData(
            dto.Id ?? string.Empty,
            createdTime,
            dto.FormId,
            new LeadAttribution(dto.AdId, dto.AdName, dto.AdsetId, dto.AdsetName, dto.CampaignId, dto.CampaignName, dto.IsOrganic, dto.Platform),
            Answers(dto.FieldData),
            string.IsNullOrEmpty(dto.Id) ? FacebookLeadData.NoIdProblem : null)
        {
            CreatedTimeProblem = createdTime is not null ? null
                : dto.CreatedTime is null ? "Graph sent no created_time"
                : $"created_time '{Shorten(dto.CreatedTime)}' could not be read",
            Consents = Consents(dto.CustomDisclaimerResponses),
            PartnerName = dto.PartnerName,
            RetailerItemId = dto.RetailerItemId,
            HomeListingId = IdOf(dto.HomeListing),
            VehicleId = IdOf(dto.Vehicle),
            PostId = IdOf(dto.Post),
        };
    }

    private static List<FacebookLeadAnswer> Answers(List<GraphLeadFieldDto>? fields) =>
        fields is null
            ? []
            : fields
                .Where(f => !string.IsNullOrEmpty(f.Name))
                .Select(f => new FacebookLeadAnswer(f.Name!, Values(f.Values)))
                .ToList();

    private static List<string> Values(List<JsonElement>? values) =>
        values is null
            ? []
            : values
                .Select(v => v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                    _ => null,
                })
                .OfType<string>()
                .ToList();

    /// <summary><c>[{"checkbox_key":"optional_1","is_checked":"1"}]</c>; anything else reads as no consent given.</summary>
    private static List<LeadConsent> Consents(JsonElement? responses)
    {
        if (responses is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        var consents = new List<LeadConsent>();
        foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (Text(item, "checkbox_key") is { Length: > 0 } key)
            {
                var isChecked = item.TryGetProperty("is_checked", out var value) && value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.Number => value.TryGetInt64(out var n) && n != 0,
                    JsonValueKind.String => FlexibleBooleanConverter.Parse(value.GetString()) == true,
                    _ => false,
                };
                consents.Add(new LeadConsent(key, isChecked));
            }
        }

        return consents;
    }

    /// <summary>The id of a Graph object (<c>{"id":"…"}</c>), or the value itself when Graph sent a bare id.</summary>
    private static string? IdOf(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Object } node => Text(node, "id"),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
