using System.Net;
using System.Net.Http.Json;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>
/// An answer that shows a secret once (a new outgoing webhook's signing secret, a new API key) tells browsers and proxies
/// not to keep it (<c>Cache-Control: no-store</c>) over the API as the pages do (a page with a form is never stored: the
/// antiforgery token already marks it no-store).
/// </summary>
public sealed class SecretAnswersTests(DatabaseKind database) : AppFixture(database)
{
    [Test]
    public async Task The_webhooks_page_showing_a_new_signing_secret_is_not_stored_either()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);

        var answer = await browser.PostFormAsync("/Webhooks?handler=Create", new Dictionary<string, string> { ["Input.Url"] = "https://hooks.example.com/leadops", ["Input.Events"] = "lead.created" }, formPage: "/Webhooks");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task The_api_answers_holding_a_new_secret_are_not_stored()
    {
        var user = await App.NewUserAsync();
        using var api = await App.SignedInApiClientAsync(user);

        var endpoint = await api.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://hooks.example.com/leadops", events = new[] { "lead.created" } });
        var key = await api.PostAsJsonAsync("/api/api-keys", new { name = "reporting" });

        Assert.Multiple(() =>
        {
            Assert.That(endpoint.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(endpoint.Headers.CacheControl?.NoStore, Is.True, "webhook endpoint");
            Assert.That(key.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(key.Headers.CacheControl?.NoStore, Is.True, "api key");
        });
    }
}
