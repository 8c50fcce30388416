namespace LeadOps.TestSupport;

/// <summary>
/// NUnit categories of the suites. Plain <c>dotnet test</c> runs everything; <c>dotnet test --filter TestCategory!=Slow</c>
/// leaves out what takes seconds (browsers, scale and soak runs, SQL Server, extra servers and nodes).
/// </summary>
public static class TestCategories
{
    public const string Slow = "Slow";
}
