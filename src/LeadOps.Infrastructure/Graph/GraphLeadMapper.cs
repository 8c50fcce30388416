namespace LeadOps.Infrastructure.Graph;

/// <summary>Graph lead → <see cref="FacebookLeadData"/>. Never throws: what cannot be read is reported in <c>Problem</c>.</summary>
internal static class GraphLeadMapper
{
    /// <summary>Every lead field LeadOps reads (ad/campaign names need ads permissions; Graph leaves them out otherwise).</summary>
    public const string Fields = "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,field_data,is_organic,platform";

    public static FacebookLeadData ToLead(GraphLeadDto dto)
    {
        var problems = new List<string>(2);
        if (string.IsNullOrEmpty(dto.Id))
        {
            problems.Add("the lead has no id");
        }

        DateTimeOffset? createdTime = null;
        if (GraphTime.TryParse(dto.CreatedTime, out var parsed))
        {
            createdTime = parsed;
        }
        else
        {
            problems.Add(dto.CreatedTime is null ? "created_time is missing" : $"created_time '{Shorten(dto.CreatedTime)}' could not be read");
        }

        return new FacebookLeadData(
            dto.Id ?? string.Empty,
            createdTime,
            dto.FormId,
            dto.AdId,
            dto.AdName,
            dto.AdsetId,
            dto.AdsetName,
            dto.CampaignId,
            dto.CampaignName,
            dto.IsOrganic,
            dto.Platform,
            Answers(dto.FieldData),
            problems.Count == 0 ? null : string.Join("; ", problems));
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

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
