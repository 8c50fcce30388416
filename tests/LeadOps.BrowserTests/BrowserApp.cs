using LeadOps.Application.Integrations.Commands;
using LeadOps.GraphSandbox;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The harness's app on a real Kestrel bound to 127.0.0.1 with its own SQLite file, and Debian's Chromium driven by
/// Playwright. Where Chromium is missing the tests are skipped with the reason; LEADOPS_REQUIRE_BROWSER=1 fails instead.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "LEADOPS_REQUIRE_BROWSER";

    /// <summary>The first user the app creates at start (the harness's admin), who signs in in the browser.</summary>
    public const string Email = TestApp.AdminEmail;
    public const string Password = TestUsers.Password;

    /// <summary>
    /// How long (ms) a page action, a navigation or a page assertion may wait: long, because on two busy cores a page
    /// load, a live update or a form post can take many seconds. It only costs time when a test fails; a passing wait
    /// returns as soon as its condition holds. Speed is measured in bench/, never here.
    /// </summary>
    public const int Patience = 30_000;

    private readonly IPlaywright _playwright;

    private BrowserApp(TestApp app, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        _playwright = playwright;
        Browser = browser;
    }

    public TestApp App { get; }

    public IBrowser Browser { get; }

    public Uri BaseAddress => App.BaseAddress;

    /// <summary>
    /// The app with the Graph sandbox (no leads on its forms unless <paramref name="app"/> says otherwise), its main page
    /// connected for the admin under its own name (<see cref="SandboxSeed.MainPageName"/>).
    /// </summary>
    public static async Task<BrowserApp> StartWithMainPageAsync(TestAppBuilder? app = null)
    {
        var started = await StartAsync(app ?? TestApp.Create(DatabaseKind.Sqlite).WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 }));
        var connected = await started.App.SendAsync(TestApp.AdminUserId, new ConnectIntegration(SandboxSeed.MainPageToken, null));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        return started;
    }

    /// <summary>Starts the app described by <paramref name="app"/> on Kestrel, then Chromium.</summary>
    public static async Task<BrowserApp> StartAsync(TestAppBuilder app)
    {
        if (!File.Exists(ChromiumPath))
        {
            TestDependency.Missing("Chromium is not installed at " + ChromiumPath + " (apt-get install chromium)", RequireVariable);
        }

        var started = await app.OnKestrel().StartAsync();
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
            });
            return new BrowserApp(started, playwright, browser);
        }
        catch
        {
            playwright?.Dispose();
            await started.DisposeAsync();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(BrowserApp.Patience);
        return await context.NewPageAsync();
    }

    /// <summary>A browser context on the app at <paramref name="width"/> × <paramref name="height"/> (a phone also touches), with the house's patience.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width, int height, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(Patience);
        return context;
    }

    public static async Task SignInAsync(IPage page, string email = Email, string password = Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("[data-test=sign-in]").ClickAsync();
        await page.WaitForURLAsync("**/Leads");
    }

    /// <summary>Saves a screenshot next to the test results, for people reviewing a run.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
