using System.Net;
using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// Saving the integration's escalation payload says what was saved: the payload typed, or, for an emptied field, that
/// the default HUMAN_AGENT is used (it said only "Messenger settings saved.").
/// </summary>
public sealed partial class EscalationPayloadNoticeTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 });

    [TestCase("", "Messenger settings saved: no payload given, so the default HUMAN_AGENT escalates.")]
    [TestCase("   ", "Messenger settings saved: no payload given, so the default HUMAN_AGENT escalates.")]
    [TestCase("TALK_TO_STAFF", "Messenger settings saved: the payload TALK_TO_STAFF escalates.")]
    public async Task Saving_the_escalation_payload_says_which_payload_escalates(string typed, string notice)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);
        var path = $"/Integrations/{id}";

        var answer = await browser.PostFormAsync($"{path}/messaging", new Dictionary<string, string> { ["payload"] = typed }, formPage: path);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await answer.Content.ReadAsStringAsync());
        var html = await browser.GetStringAsync(answer.Headers.Location!.ToString());
        Assert.That(WebUtility.HtmlDecode(Notice().Match(html).Groups["text"].Value).Trim(), Is.EqualTo(notice));
    }

    [GeneratedRegex("<div class=\"alert alert-success\" role=\"status\">(?<text>.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Notice();
}
