namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphLeadDto
{
    public string? Id { get; init; }

    /// <summary>Kept raw (<c>2026-11-20T10:15:00+0000</c>) so that an unreadable value flags the lead instead of failing the page.</summary>
    public string? CreatedTime { get; init; }

    public string? FormId { get; init; }

    public string? AdId { get; init; }

    public string? AdName { get; init; }

    public string? AdsetId { get; init; }

    public string? AdsetName { get; init; }

    public string? CampaignId { get; init; }

    public string? CampaignName { get; init; }

    public bool? IsOrganic { get; init; }

    public string? Platform { get; init; }

    /// <summary>The answers; an answer (or the whole list) in a shape that cannot be read is left out, never failing the page.</summary>
    public List<GraphLeadFieldDto>? FieldData { get; init; }

    /// <summary>The consent check boxes, kept raw: an unexpected shape is read as none instead of failing the page.</summary>
    public JsonElement? CustomDisclaimerResponses { get; init; }

    public string? PartnerName { get; init; }

    public string? RetailerItemId { get; init; }

    /// <summary>Graph objects (<c>{"id":"…"}</c>), kept raw: only their id is read.</summary>
    public JsonElement? HomeListing { get; init; }

    public JsonElement? Vehicle { get; init; }

    public JsonElement? Post { get; init; }
}
