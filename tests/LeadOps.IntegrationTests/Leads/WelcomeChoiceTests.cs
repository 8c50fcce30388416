using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Welcome only when welcome, on the real pages and API: a manual retrieval says beforehand how many welcome e-mails it
/// would send and can send none; the brief's endpoint takes an optional <c>send_welcome</c> that leaves its shapes as
/// they were when absent.
/// </summary>
public sealed partial class WelcomeChoiceTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task The_leads_page_says_how_many_welcome_emails_a_retrieval_would_send_and_can_send_none()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];
        var fresh = new[] { NewLead(form, "ana@example.test"), NewLead(form, "rui@example.test"), NewLead(form, email: null) };
        Graph.AddLeads(form, 4, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-20));
        using var browser = await App.SignedInClientAsync(user);
        var fields = new Dictionary<string, string> { ["Retrieve.FormId"] = form, ["Retrieve.IntegrationId"] = integrationId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var preview = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "nothing started yet: the GET after the post shows the preview");
        var html = await browser.GetStringAsync(preview.Headers.Location!.ToString());
        Assert.That(WelcomeCount().Match(html).Groups[1].Value, Is.EqualTo("2"), "two fresh leads with an e-mail; the old ones and the one without an e-mail get none");
        Assert.That(await CountAsync(user), Is.Zero);

        fields["Retrieve.Welcome"] = "none";
        var started = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var runId = long.Parse(started.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await WaitForRunAsync(api, runId);
        await using var scope = App.ScopeFor(user.Id);
        var rows = await App.Db(scope).OutboxMessages.Include(o => o.Lead).Where(o => fresh.Contains(o.Lead!.FacebookLeadId)).ToListAsync();
        Assert.That(rows.Where(r => r.Lead!.Email is not null).Select(r => r.LastError), Has.All.EqualTo(WelcomeSkipReasons.NotRequested));
        Assert.That(rows.Select(r => r.Status), Has.All.EqualTo(OutboxStatus.Skipped));
    }

    [Test]
    public async Task A_preview_the_page_cannot_make_says_why_instead_of_showing_a_plain_button()
    {
        var owner = await App.NewUserAsync();
        var other = await App.NewUserAsync();
        using var api = App.ApiClient(owner);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];
        using (var otherApi = App.ApiClient(other))
        {
            await IntegrationsApiTests.ConnectAsync(otherApi, SandboxSeed.MainPageToken); // the page shows its retrieve panel
        }

        using var browser = await App.SignedInClientAsync(other);

        // Another user's integration: the preview's own refusal (not found) is what the page has to say.
        var response = await browser.GetAsync($"/Leads?retrieve={integrationId}:{form}&preview=1");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(RetrieveErrors().Match(html).Groups[1].Value.Trim(), Is.Not.Empty, "the refusal is shown beside the form choice");
        });
    }

    [Test]
    public async Task The_briefs_retrieval_sends_no_welcome_with_send_welcome_false_and_the_preview_endpoint_counts_them()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[2];
        var id = NewLead(form, "eva@example.test");

        var preview = await (await api.PostAsJsonAsync("/api/facebook-lead-retrieval/preview", new { form_id = form, integration_id = integrationId })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(preview.GetProperty("welcome_emails").GetInt32(), Is.EqualTo(1));

        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = form, integration_id = integrationId, send_welcome = false });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "success", "message", "data" }), "the brief's shape");
        Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(1));
        await using var scope = App.ScopeFor(user.Id);
        var row = await App.Db(scope).OutboxMessages.Include(o => o.Lead).SingleAsync(o => o.Lead!.FacebookLeadId == id);
        Assert.That((row.Status, row.LastError), Is.EqualTo((OutboxStatus.Skipped, (string?)WelcomeSkipReasons.NotRequested)));
    }

    private string NewLead(string form, string? email) => Graph.SubmitLead(form, new SandboxLead
    {
        CreatedTime = DateTimeOffset.UtcNow.AddMinutes(-30),
        Answers = email is null
            ? new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["No Mail"] }
            : new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Fresh Lead"], ["email"] = [email] },
    });

    private async Task<int> CountAsync(TestUser user)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).Leads.CountAsync();
    }

    private static async Task WaitForRunAsync(HttpClient api, long runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await api.GetFromJsonAsync<JsonElement>($"/api/facebook-lead-retrieval/runs/{runId}")).GetProperty("outcome").GetString() == "Running")
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, "the retrieval did not finish");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex("data-test=\"welcome-count\">(\\d+)<")]
    private static partial Regex WelcomeCount();

    [GeneratedRegex("data-test=\"retrieve-errors\"[^>]*>([^<]*)<")]
    private static partial Regex RetrieveErrors();
}
