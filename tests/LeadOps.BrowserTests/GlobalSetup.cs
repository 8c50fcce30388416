using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

[SetUpFixture]
public sealed class GlobalSetup
{
    /// <summary>
    /// Page assertions wait as long as page actions (<see cref="BrowserApp.Patience"/>) instead of Playwright's 5 s: on
    /// two busy cores a live update or a form post can take longer than that, and an assertion that gives up early fails
    /// a test that is right.
    /// </summary>
    [OneTimeSetUp]
    public void SetUp() => Assertions.SetDefaultExpectTimeout(BrowserApp.Patience);

    [OneTimeTearDown]
    public Task TearDownAsync() => TestRun.EndAsync();
}
