namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The documented <c>filtering</c> parameter of <c>GET /{form-id}/leads</c>:
/// <c>[{"field":"time_created","operator":"GREATER_THAN","value":&lt;unix&gt;}]</c>, plus <c>LESS_THAN</c> for an upper bound.
/// </summary>
internal static class GraphLeadFilter
{
    /// <summary>
    /// Null when there is no bound. <paramref name="since"/> is inclusive (sent as GREATER_THAN since − 1 s, because
    /// Graph's timestamps have whole seconds and a lead in the watermark's own second must not be skipped);
    /// <paramref name="until"/> is exclusive (LESS_THAN, rounded up to the next whole second).
    /// </summary>
    public static string? Build(DateTimeOffset? since, DateTimeOffset? until)
    {
        if (since is null && until is null)
        {
            return null;
        }

        var filters = new List<TimeCreatedFilter>(2);
        if (since is { } from)
        {
            filters.Add(new TimeCreatedFilter("time_created", "GREATER_THAN", GraphTime.ToUnixSecondsFloor(from) - 1));
        }

        if (until is { } to)
        {
            filters.Add(new TimeCreatedFilter("time_created", "LESS_THAN", GraphTime.ToUnixSecondsCeiling(to)));
        }

        return JsonSerializer.Serialize(filters, GraphJson.Options);
    }

    private sealed record TimeCreatedFilter(string Field, string Operator, long Value);
}
