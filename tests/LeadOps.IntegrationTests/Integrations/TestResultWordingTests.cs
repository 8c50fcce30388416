using System.Net;
using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// The integration page's "Test now" result says one thing about how it checked: with the app's id and secret it names
/// debug_token and lists the granted scopes; without them it names the /me probe and says the scopes are unknown for
/// that reason, never "debug_token" as the method beside "unknown without debug_token".
/// </summary>
public sealed class TestResultWordingTests
{
    [Test]
    public async Task Without_app_credentials_the_page_names_the_probe_and_says_why_the_scopes_are_unknown()
    {
        await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSandbox().WithoutAppCredentials().StartAsync();
        var (method, scopes) = await TestOnThePageAsync(app);

        Assert.Multiple(() =>
        {
            Assert.That(method, Does.StartWith("GET /me and a probe"));
            Assert.That(method, Does.Not.Contain("debug_token"));
            Assert.That(scopes, Is.EqualTo("Unknown without debug_token (configure the app id and secret)"));
        });
    }

    [Test]
    public async Task With_app_credentials_the_page_names_debug_token_and_lists_the_scopes()
    {
        await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSandbox().StartAsync();
        var (method, scopes) = await TestOnThePageAsync(app);

        Assert.Multiple(() =>
        {
            Assert.That(method, Is.EqualTo("debug_token (app id and secret configured)"));
            Assert.That(scopes, Does.Contain("pages_show_list").And.Not.Contain("Unknown"));
        });
    }

    private static async Task<(string Method, string Scopes)> TestOnThePageAsync(TestApp app)
    {
        var user = await app.NewUserAsync();
        using var api = app.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        using var browser = await app.SignedInClientAsync(user);
        var path = $"/Integrations/{id}";

        var answer = await browser.PostFormAsync($"{path}?handler=Test", new Dictionary<string, string>(), formPage: path);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the test runs, then the page is shown again by a GET");
        var html = await browser.GetStringAsync(path);

        return (Term(html, "Checked with"), Term(html, "Granted scopes"));
    }

    private static string Term(string html, string label)
    {
        var match = Regex.Match(html, $"<dt[^>]*>{Regex.Escape(label)}</dt><dd[^>]*>(?<text>.*?)</dd>", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"the test result shows \"{label}\"");
        return WebUtility.HtmlDecode(match.Groups["text"].Value).Trim();
    }
}
