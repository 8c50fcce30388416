namespace LeadOps.BrowserTests;

/// <summary>
/// A fixture whose tests share one app on Kestrel and one Chromium, with the sandbox's main page connected for the admin
/// user (<see cref="BrowserApp.StartWithMainPageAsync"/>): started before the first test, disposed after the last.
/// </summary>
public abstract class MainPageFixture
{
    protected BrowserApp Site { get; private set; } = null!;

    /// <summary>The app to start; the default has the sandbox with no leads seeded.</summary>
    protected virtual TestAppBuilder? AppBuilder => null;

    [OneTimeSetUp]
    public async Task StartSiteAsync()
    {
        Site = await BrowserApp.StartWithMainPageAsync(AppBuilder);
    }

    [OneTimeTearDown]
    public async Task StopSiteAsync()
    {
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}
