namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary><c>{"success":true}</c>.</summary>
internal sealed record GraphSuccessDto
{
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? Success { get; init; }
}
