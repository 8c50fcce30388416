namespace LeadOps.GraphSandbox;

/// <summary>Graph's <c>{"data":[…]}</c> list without paging.</summary>
internal sealed record DataList<T>(IReadOnlyList<T> Data);
