namespace LeadOps.IntegrationTests.Infrastructure;

/// <summary>Which database a fixture runs on. Every data fixture runs on both where Docker is available.</summary>
public enum DatabaseKind
{
    Sqlite,
    SqlServer,
}
