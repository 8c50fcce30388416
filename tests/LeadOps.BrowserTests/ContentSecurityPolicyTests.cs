using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// Under the Content-Security-Policy (no inline script, style or handler), every page the app maps still works in
/// Chromium: each is visited (pages found from the app's routes, their ids filled with the admin's own rows) and the
/// browser reports no CSP violation; the scripts that moved to wwwroot/js still run.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class ContentSecurityPolicyTests
{
    private const string Probe = """
        window.__csp = [];
        document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
        """;

    private BrowserApp? _app;
    private readonly Dictionary<string, string> _ids = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite).WithSandbox(new SandboxOptions { InitialLeadsPerForm = 2 }));
        await SeedAsync(_app.App);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task Every_page_loads_without_a_content_security_policy_violation()
    {
        var page = await _app!.NewPageAsync();
        await page.AddInitScriptAsync(Probe);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add($"{page.Url}: {message.Text}");
            }
        };

        await page.GotoAsync("/Account/Login");
        await page.GotoAsync("/Account/Register");
        await BrowserApp.SignInAsync(page);
        var paths = PagePaths(_app.App.Services);
        Assert.That(paths, Has.Count.GreaterThan(10), "the app's pages were found");
        var violations = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            violations.AddRange((await page.EvaluateAsync<string[]>("window.__csp")).Select(v => $"{path}: {v}"));
        }

        Assert.That(violations.Concat(console), Is.Empty);
    }

    [Test]
    public async Task Every_page_has_an_icon_and_asks_for_no_file_that_is_not_there()
    {
        var page = await _app!.NewPageAsync();
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
            {
                missing.Add(response.Url);
            }
        };

        await page.GotoAsync("/Account/Login");
        await BrowserApp.SignInAsync(page);
        foreach (var path in new[] { "/Leads", "/Inbox", "/Integrations", "/Account" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
            Assert.That(icon, Is.Not.Null, $"{path} links an icon");
            var linked = await page.APIRequest.GetAsync(icon!);
            Assert.That(linked.Status, Is.EqualTo(200), icon);
            Assert.That(linked.Headers["content-type"], Does.StartWith("image/svg+xml"));
        }

        // Browsers ask for /favicon.ico on their own, whatever the page links.
        var favicon = await page.APIRequest.GetAsync("/favicon.ico");
        Assert.That(favicon.Status, Is.EqualTo(200));
        Assert.That(favicon.Headers["content-type"], Does.StartWith("image/"));
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Deleting_an_integration_asks_once()
    {
        var connected = await _app!.App.SendAsync(TestApp.AdminUserId, new LeadOps.Application.Integrations.Commands.ConnectIntegration(SandboxSeed.ExpiringTokenPageToken, null));
        Assert.That(connected.IsSuccess, Is.True, connected.Detail);
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Integrations/{connected.Value!.Id}");
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

        await page.Locator("[data-test=delete]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Integrations$"));
        Assert.That(asked, Is.EqualTo(new[] { "Delete this integration? Its leads are kept." }));
    }

    [Test]
    public async Task The_scripts_moved_out_of_the_pages_still_run()
    {
        var page = await _app!.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        // site.js: a form with data-confirm asks first; dismissing keeps the integration.
        await page.GotoAsync($"/Integrations/{_ids["integration"]}");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.DismissAsync();
        };
        await page.Locator("[data-test=delete]").ClickAsync();
        Assert.That(asked, Does.Contain("Delete this integration"));
        Assert.That(page.Url, Does.Contain($"/Integrations/{_ids["integration"]}"));

        // leads.js: the list connects for live updates; bootstrap's collapse opens the panel, whose form choice names its integration.
        await page.GotoAsync("/Leads");
        await Assertions.Expect(page.Locator("[data-leads-live]")).ToHaveAttributeAsync("data-live-state", "connected");
        await page.Locator("[data-test=open-retrieve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=retrieve-form]")).ToBeVisibleAsync();
        Assert.That(await page.Locator("[data-test=retrieve-form]").InputValueAsync(), Does.StartWith(_ids["integration"] + ":"));
    }

    /// <summary>Every page's route (no handler), its parameters filled with the admin's rows.</summary>
    private List<string> PagePaths(IServiceProvider services)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || descriptor.ViewEnginePath.Contains("Logout", StringComparison.Ordinal))
            {
                continue;
            }

            var segments = new List<string>();
            string? before = null;
            foreach (var part in endpoint.RoutePattern.PathSegments.SelectMany(s => s.Parts))
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        segments.Add(literal.Content);
                        before = literal.Content.ToLowerInvariant();
                        break;
                    case RoutePatternParameterPart { IsOptional: true }:
                        break;
                    case RoutePatternParameterPart:
                        segments.Add(before switch { "integrations" => _ids["integration"], "runs" => _ids["run"], "leads" => _ids["lead"], _ => _ids["conversation"] });
                        break;
                }
            }

            paths.Add("/" + string.Join('/', segments));
        }

        return [.. paths];
    }

    private async Task SeedAsync(TestApp app)
    {
        using var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        api.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        var connect = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });
        var integration = (await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        _ids["integration"] = integration.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainTestRideFormId, integration_id = integration });
        _ids["lead"] = (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _ids["run"] = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var escalated = await api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid = "7500000000001" });
        _ids["conversation"] = (await escalated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
    }
}
