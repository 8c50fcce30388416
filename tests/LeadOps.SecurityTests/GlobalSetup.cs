namespace LeadOps.SecurityTests;

[SetUpFixture]
public sealed class GlobalSetup
{
    [OneTimeTearDown]
    public Task TearDownAsync() => TestRun.EndAsync();
}
