using System.Net;
using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// A refused welcome message on the integration's page says why beside the field it concerns (it was a 400 with no
/// word on the page), keeps what was typed, and changes nothing.
/// </summary>
public sealed class WelcomeTemplatePageTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 });

    [TestCase("", "Hi {first_name}", "subject", "Write a subject.")]
    [TestCase("Welcome", "", "body", "Write the message.")]
    [TestCase("Welcome", "Hi {nickname}", "body", "Use only {first_name}, {full_name}, {form_name} and {page_name} as placeholders.")]
    [TestCaseSource(nameof(TooLong))]
    public async Task A_refused_welcome_message_says_why_beside_its_field_and_changes_nothing(string subject, string body, string field, string message)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        var before = await api.GetStringAsync($"/api/integrations/{id}");
        using var browser = await App.SignedInClientAsync(user);

        var path = $"/Integrations/{id}";
        var answer = await browser.PostFormAsync($"{path}?handler=Welcome", new Dictionary<string, string>
        {
            ["Welcome.Enabled"] = "true",
            ["Welcome.Subject"] = subject,
            ["Welcome.Body"] = body,
        }, formPage: path);
        var html = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var shown = WebUtility.HtmlDecode(FieldError(field).Match(html).Groups["text"].Value).Trim();
        Assert.That(shown, Is.EqualTo(message), $"the {field} field says why");
        Assert.That(Tag(html, "input", "Welcome.Subject"), Does.Contain($"value=\"{WebUtility.HtmlEncode(subject)}\""), "the subject typed is kept");
        Assert.That(Regex.Match(html, "<textarea[^>]*name=\"Welcome.Body\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline).Groups["text"].Value.Trim(),
            Is.EqualTo(WebUtility.HtmlEncode(body)), "the message typed is kept");
        Assert.That(await api.GetStringAsync($"/api/integrations/{id}"), Is.EqualTo(before), "nothing changed");
    }

    [Test]
    public async Task The_welcome_fields_take_no_more_than_a_welcome_message_may_hold()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);

        var html = await browser.GetStringAsync($"/Integrations/{id}");

        Assert.That(Tag(html, "input", "Welcome.Subject"), Does.Contain("maxlength=\"200\""), "the subject takes at most 200 characters");
        Assert.That(Tag(html, "textarea", "Welcome.Body"), Does.Contain("maxlength=\"10000\""), "the message takes at most 10,000");
    }

    private static IEnumerable<TestCaseData> TooLong() =>
    [
        new TestCaseData(new string('s', 201), "Hi {first_name}", "subject", "The subject can have at most 200 characters.")
            .SetName("A_subject_too_long_is_refused_in_the_forms_words"),
        new TestCaseData("Welcome", new string('b', 10_001), "body", "The message can have at most 10000 characters.")
            .SetName("A_message_too_long_is_refused_in_the_forms_words"),
    ];

    private static string Tag(string html, string element, string name) =>
        Regex.Match(html, $"<{element}[^>]*name=\"{Regex.Escape(name)}\"[^>]*>").Value;

    private static Regex FieldError(string field) =>
        new($"<span[^>]*data-test=\"welcome-{field}-error\"[^>]*>(?<text>.*?)</span>", RegexOptions.Singleline);
}
