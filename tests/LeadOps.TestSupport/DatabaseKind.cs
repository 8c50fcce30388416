namespace LeadOps.TestSupport;

/// <summary>Which database an app runs on. Every <see cref="AppFixture"/> runs on both where Docker is available.</summary>
public enum DatabaseKind
{
    Sqlite,
    SqlServer,
}
