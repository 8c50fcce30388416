using System.Net;
using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>A refused reconnect on the integration's page says why once, next to the token field it concerns, and changes nothing.</summary>
public sealed partial class ReconnectPageTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 });

    [TestCase("not-a-page-token-0123456789")]
    [TestCase("")]
    public async Task A_refused_reconnect_shows_its_message_once_beside_the_token_field(string token)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);

        var path = $"/Integrations/{id}";
        var answer = await browser.PostFormAsync($"{path}?handler=Reconnect", new Dictionary<string, string> { ["NewToken"] = token }, formPage: path);
        var html = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect), "refused, so the page is shown again");
        Assert.That((int)answer.StatusCode, Is.LessThan(500));
        var field = FieldError().Match(html);
        Assert.That(field.Success, Is.True, "the token field has its error beside it");
        var message = WebUtility.HtmlDecode(Regex.Replace(field.Groups["text"].Value, "<[^>]+>", string.Empty)).Trim();
        Assert.Multiple(() =>
        {
            Assert.That(message, Is.Not.Empty);
            Assert.That(Regex.Count(html, Regex.Escape(WebUtility.HtmlEncode(message).Split('.')[0])), Is.EqualTo(1), $"said once: {message}");
            Assert.That(html, Does.Not.Contain("data-test=\"last-error\""), "no second copy above the page");
            Assert.That(html, Does.Contain("aria-describedby=\"new-token-error\""));
        });

        var after = await browser.GetStringAsync(path);
        Assert.That(FieldError().Match(after).Groups["text"].Value.Trim(), Is.Empty, "nothing was stored: a reload shows no error");
    }

    [Test]
    public async Task An_integration_without_a_page_reconnected_to_a_page_connected_already_is_refused_in_words()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        int brokenId;
        await using (var scope = App.ScopeFor(user.Id))
        {
            // An integration whose first token Graph refused: it never learnt its page.
            var broken = new LeadOps.Domain.Integrations.Integration { Name = "Broken", PageId = string.Empty, PageName = string.Empty, CreatedAt = DateTimeOffset.UtcNow };
            App.Db(scope).Integrations.Add(broken);
            await App.Db(scope).SaveChangesAsync();
            brokenId = broken.Id;
        }

        using var browser = await App.SignedInClientAsync(user);
        var path = $"/Integrations/{brokenId}";
        var answer = await browser.PostFormAsync($"{path}?handler=Reconnect", new Dictionary<string, string> { ["NewToken"] = SandboxSeed.MainPageToken }, formPage: path);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        await using var check = App.ScopeFor(user.Id);
        var pages = App.Db(check).Integrations.Select(i => i.PageId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((int)answer.StatusCode, Is.LessThan(500), html.Length > 400 ? html[..400] : html);
            Assert.That(answer.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect), "refused, so the page is shown again");
            Assert.That(FieldError().Match(html).Groups["text"].Value, Does.Contain("is connected as"));
            Assert.That(pages, Is.EquivalentTo(new[] { SandboxSeed.MainPageId, string.Empty }), "nothing changed");
        });
    }

    [GeneratedRegex("<span[^>]*data-test=\"reconnect-error\"[^>]*>(?<text>.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex FieldError();
}
