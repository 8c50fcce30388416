using LeadOps.IntegrationTests.Infrastructure;

namespace LeadOps.IntegrationTests;

[SetUpFixture]
public sealed class GlobalSetup
{
    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        await SqlServerContainer.DisposeAsync();
        try
        {
            Directory.Delete(TestPaths.Scratch, recursive: true);
        }
        catch (IOException)
        {
            // SQLite files may still be open in a pool; the folder is per-process and under /tmp.
        }
    }
}
