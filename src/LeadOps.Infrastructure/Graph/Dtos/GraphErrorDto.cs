namespace LeadOps.Infrastructure.Graph.Dtos;

internal sealed record GraphErrorDto
{
    public string? Message { get; init; }

    public string? Type { get; init; }

    public int? Code { get; init; }

    public int? ErrorSubcode { get; init; }

    public string? FbtraceId { get; init; }

    /// <summary>What the Conversions API (and a few other edges) says in plain words beside its terse <see cref="Message"/>.</summary>
    public string? ErrorUserMsg { get; init; }

    /// <summary>The short title Meta gives a refusal meant for people (e.g. "Event Timestamp Too Old").</summary>
    public string? ErrorUserTitle { get; init; }

    public bool? IsTransient { get; init; }
}
