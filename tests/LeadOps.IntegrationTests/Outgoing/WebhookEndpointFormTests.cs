using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// The Webhooks page's form, given an address or a description longer than an endpoint may hold: it says so in the
/// form's words (it said "The length of 'Url' must be 2000 characters or fewer"), registers nothing, and its fields
/// take no more than that. The same form sent twice (a reload without script, a double click) registers one endpoint.
/// </summary>
public sealed class WebhookEndpointFormTests(DatabaseKind database) : AppFixture(database)
{
    [TestCase("Input.Url", "https://example.com/", 2001, "The address can have at most 2000 characters.")]
    [TestCase("Input.Description", "", 201, "The description can have at most 200 characters.")]
    public async Task A_too_long_field_is_said_in_the_forms_words_and_registers_nothing(string field, string start, int length, string message)
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);
        var fields = new Dictionary<string, string> { ["Input.Url"] = "https://example.com/leadops", ["Input.Events"] = "lead.created" };
        fields[field] = start + new string('a', length - start.Length);

        var answer = await browser.PostFormAsync("/Webhooks?handler=Create", fields, formPage: "/Webhooks");
        var html = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = WebUtility.HtmlDecode(Regex.Match(html, "data-test=\"endpoint-errors\"[^>]*>(?<text>.*?)</div>", RegexOptions.Singleline).Groups["text"].Value);
        Assert.That(Regex.Replace(errors, "<[^>]+>", " ").Trim(), Is.EqualTo(message));
        using var api = App.ApiClient(user);
        var endpoints = await api.GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        Assert.That(endpoints.GetProperty("endpoints").GetArrayLength(), Is.Zero, "nothing registered");
    }

    [Test]
    public async Task A_form_sent_with_no_event_ticked_is_refused_and_registers_nothing()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);

        var answer = await browser.PostFormAsync("/Webhooks?handler=Create", new Dictionary<string, string> { ["Input.Url"] = "https://example.com/leadops" }, formPage: "/Webhooks");
        var html = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = WebUtility.HtmlDecode(Regex.Match(html, "data-test=\"endpoint-errors\"[^>]*>(?<text>.*?)</div>", RegexOptions.Singleline).Groups["text"].Value);
        Assert.That(Regex.Replace(errors, "<[^>]+>", " ").Trim(), Is.EqualTo("Choose at least one event."));
        Assert.That(Regex.Matches(html, "<input[^>]*name=\"Input.Events\"[^>]*>").Select(m => m.Value), Has.None.Contain("checked"), "the refused form shows no event ticked, as it was sent");
        using var api = App.ApiClient(user);
        var endpoints = await api.GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        Assert.That(endpoints.GetProperty("endpoints").GetArrayLength(), Is.Zero, "nothing registered");
    }

    [Test]
    public async Task The_empty_form_has_lead_created_ticked()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);

        var html = await browser.GetStringAsync("/Webhooks");

        var ticked = Regex.Matches(html, "<input[^>]*name=\"Input.Events\"[^>]*>").Where(m => m.Value.Contains("checked", StringComparison.Ordinal))
            .Select(m => Regex.Match(m.Value, "value=\"([^\"]+)\"").Groups[1].Value);
        Assert.That(ticked, Is.EqualTo(new[] { "lead.created" }));
    }

    [Test]
    public async Task The_address_and_description_fields_take_no_more_than_an_endpoint_may_hold()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);

        var html = await browser.GetStringAsync("/Webhooks");

        Assert.That(Regex.Match(html, "<input[^>]*name=\"Input.Url\"[^>]*>").Value, Does.Contain("maxlength=\"2000\""));
        Assert.That(Regex.Match(html, "<input[^>]*name=\"Input.Description\"[^>]*>").Value, Does.Contain("maxlength=\"200\""));
    }

    [Test]
    public async Task The_same_form_sent_twice_without_script_registers_one_endpoint_and_shows_it()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);
        var page = await browser.GetStringAsync("/Webhooks");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
            ["Input.Url"] = "https://hooks.example.com/leadops",
            ["Input.Events"] = "lead.created",
        };
        if (Regex.Match(page, "name=\"Input.FormToken\" value=\"([^\"]+)\"") is { Success: true } formToken)
        {
            fields["Input.FormToken"] = formToken.Groups[1].Value;
        }

        // Without script the address bar keeps the post's address, and a reload sends the same form once more.
        using var first = await browser.PostAsync("/Webhooks?handler=Create", new FormUrlEncodedContent(fields));
        var answered = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        using var reload = await browser.PostAsync("/Webhooks?handler=Create", new FormUrlEncodedContent(fields));
        var reloaded = WebUtility.HtmlDecode(await reload.Content.ReadAsStringAsync());

        using var api = App.ApiClient(user);
        var endpoints = (await api.GetFromJsonAsync<JsonElement>("/api/webhook-endpoints")).GetProperty("endpoints");
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(endpoints.GetArrayLength(), Is.EqualTo(1), "the reload registered no second endpoint");
            Assert.That(reload.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the repost is refused");
            Assert.That(reloaded, Does.Contain("This form was sent already").And.Contain("Nothing new was registered"));
            Assert.That(reloaded, Does.Not.Contain("data-test=\"new-secret\""), "no secret is shown again");
            Assert.That(Regex.Count(reloaded, "data-test=\"endpoint\""), Is.EqualTo(1), "the answer shows the one endpoint registered");
            Assert.That(reloaded, Does.Contain("https://hooks.example.com/leadops"));
            Assert.That(first.Headers.CacheControl?.NoStore, Is.True, "the answer with the secret is not stored");
            Assert.That(Regex.Match(answered, "id=\"endpoint-url\"[^>]*").Value, Does.Not.Contain("hooks.example.com"), "the form is empty again: one more click registers nothing twice");
            Assert.That(Regex.Match(reloaded, "id=\"endpoint-url\"[^>]*").Value, Does.Not.Contain("hooks.example.com"), "what the refused form holds is registered already");
        });
    }
}
