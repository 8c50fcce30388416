namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>
/// <c>GET /{page-id}?fields=has_lead_access</c>: an object (<c>can_access_lead</c>, <c>enabled_lead_access_manager</c>,
/// <c>failure_reason</c>, <c>failure_resolution</c>, …), or in some answers a bare boolean. Kept raw and read leniently.
/// </summary>
internal sealed record GraphLeadAccessDto
{
    public string? Id { get; init; }

    public JsonElement? HasLeadAccess { get; init; }
}
