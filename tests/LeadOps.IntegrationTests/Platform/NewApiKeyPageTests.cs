using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>
/// A key created on the Account page is shown once, in the answer to its post (as a new webhook's signing secret is),
/// and travels in no cookie: nothing of it is left in the browser for a later visit, or for whoever uses the browser
/// after a sign-out (ADR 0018).
/// </summary>
public sealed class NewApiKeyPageTests(DatabaseKind database) : AppFixture(database)
{
    [Test]
    public async Task A_new_key_is_shown_once_in_the_answer_to_its_post_and_set_in_no_cookie()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);

        using var answer = await browser.PostFormAsync("/Account?handler=CreateKey", new Dictionary<string, string> { ["KeyName"] = "CRM sync" }, formPage: "/Account");
        var html = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the key is shown by the answer to the post");
        var key = WebUtility.HtmlDecode(Regex.Match(html, "data-test=\"new-api-key-value\">([^<]+)<").Groups[1].Value);
        Assert.Multiple(() =>
        {
            Assert.That(key, Does.StartWith("lo_"));
            Assert.That(answer.Headers.CacheControl?.NoStore, Is.True, "the answer holding the key is not kept");
            Assert.That(answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], Has.None.Match("TempData[^=]*=[^;]"), "the key is in no cookie (one is only ever cleared)");
            Assert.That(html, Does.Contain("data-posted-to=\"/Account\""), "a reload reads the page with GET");
        });

        using var api = App.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.That((await api.GetAsync("/api/api-keys")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the key shown is the key created");

        var later = await browser.GetStringAsync("/Account");
        Assert.That(later, Does.Not.Contain(key).And.Not.Contain("data-test=\"new-api-key\""), "never shown again");
    }
}
