using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The real app on a real Kestrel bound to 127.0.0.1 with its own SQLite file, and Debian's Chromium driven by
/// Playwright. Where Chromium is missing the tests are skipped with the reason; LEADOPS_REQUIRE_BROWSER=1 fails instead.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Email = "staff@leadops.test";
    public const string Password = "Browser-Test-Pass-1";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"leadops-browser-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;
    private IPlaywright? _playwright;

    public BrowserApp(IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        const string reason = "Chromium is not installed at " + ChromiumPath + " (apt-get install chromium)";
        if (Environment.GetEnvironmentVariable("LEADOPS_REQUIRE_BROWSER") == "1")
        {
            Assert.Fail(reason + "; LEADOPS_REQUIRE_BROWSER=1 requires it.");
        }

        Assert.Ignore(reason);
    }

    public async Task StartAsync()
    {
        RequireChromium();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email = Email, string password = Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("[data-test=sign-in]").ClickAsync();
        await page.WaitForURLAsync("**/Leads");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:LeadOps", $"Data Source={_database}");
        builder.UseSetting("Bootstrap:AdminEmail", Email);
        builder.UseSetting("Bootstrap:AdminPassword", Password);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Saves a screenshot next to the test results, for people reviewing a run.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", name + ".png"), FullPage = true });
}
