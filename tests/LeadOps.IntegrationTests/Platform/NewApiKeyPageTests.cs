using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

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

    [Test]
    public async Task Reloading_the_answer_that_shows_a_new_key_without_script_posts_again_and_creates_nothing()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);
        var page = await browser.GetStringAsync("/Account");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
            ["KeyName"] = "CRM sync",
        };
        if (Regex.Match(page, "name=\"FormToken\" value=\"([^\"]+)\"") is { Success: true } formToken)
        {
            fields["FormToken"] = formToken.Groups[1].Value;
        }

        // Without script the address bar keeps the post's address, and a reload sends the same form once more.
        using var first = await browser.PostAsync("/Account?handler=CreateKey", new FormUrlEncodedContent(fields));
        using var reload = await browser.PostAsync("/Account?handler=CreateKey", new FormUrlEncodedContent(fields));
        var reloaded = await reload.Content.ReadAsStringAsync();

        await using var scope = App.ScopeFor(user.Id);
        var names = await App.Db(scope).ApiKeys.Select(k => k.Name).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(names, Is.EquivalentTo(new[] { "tests", "CRM sync" }), "the reload created no second key");
            Assert.That(reload.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the repost is refused");
            Assert.That(WebUtility.HtmlDecode(reloaded), Does.Contain("This form was sent already").And.Contain("Nothing new was created"));
            Assert.That(reloaded, Does.Not.Contain("data-test=\"new-api-key\""), "no key is shown again");
            Assert.That(reload.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], Has.None.Match("TempData[^=]*=[^;]"), "still no key in a cookie");
        });
    }
}
