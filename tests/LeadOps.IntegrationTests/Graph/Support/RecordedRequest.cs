namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>What <see cref="ScriptedGraphServer"/> received. <see cref="Path"/> is without the version prefix.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Query,
    string? Authorization,
    string Body)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
