using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// A form <c>leadgen_forms</c> lists without a <c>status</c> is synced as an active one (ADR 0010). The pages say so
/// ("active, not stated by Meta") instead of an empty badge; the API keeps its shape and gives the status as Graph
/// listed it: an empty string.
/// </summary>
public sealed partial class FormWithoutStatusTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_form_listed_without_a_status_shows_what_LeadOps_assumes_and_the_api_keeps_its_shape()
    {
        var formId = Graph.AddForm(SandboxSeed.NotSubscribedPageId, "Autumn promo", status: null);
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);

        var details = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Integrations/{integrationId}"));
        var leads = WebUtility.HtmlDecode(await browser.GetStringAsync("/Leads"));
        var form = (await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}")).GetProperty("forms").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == formId);

        Assert.Multiple(() =>
        {
            Assert.That(FormStatus(details, formId), Is.EqualTo("active, not stated by Meta"), "the Integrations page says what LeadOps assumes");
            Assert.That(FormStatus(details, SandboxSeed.NotSubscribedFormId), Is.EqualTo("ACTIVE"), "a status Meta listed is shown as listed");
            Assert.That(leads, Does.Contain("Autumn promo (active, not stated by Meta)</option>"), "the retrieve panel's form choice too");
            Assert.That(form.GetProperty("status").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(form.GetProperty("status").GetString(), Is.Empty, "the API gives the status as Meta listed it (none), in the same shape");
        });
    }

    private static string FormStatus(string html, string formId)
    {
        var row = Regex.Match(html, $"<tr data-form=\"{formId}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.That(row.Success, Is.True, $"the row of form {formId}");
        return StatusBadge().Match(row.Groups[1].Value).Groups[1].Value.Trim();
    }

    [GeneratedRegex("data-test=\"form-status\">([^<]*)</span>")]
    private static partial Regex StatusBadge();
}
