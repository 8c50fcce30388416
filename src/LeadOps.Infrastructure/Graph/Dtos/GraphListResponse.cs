namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>Every Graph edge: <c>{"data":[…],"paging":{…}}</c>.</summary>
internal sealed record GraphListResponse<T>
{
    public List<T>? Data { get; init; }

    public GraphPagingDto? Paging { get; init; }
}
