using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeadOps.Application.Leads;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The Leads page's list links (the bulk move's return address, the stage filters, Older leads) are built from the
/// list's own query, on the page as shown and in the live region's refresh alike: a page that shows a retrieval's
/// preview does not hand the preview on, so moving leads from it (live updates off or not) never previews the
/// retrieval again.
/// </summary>
public sealed partial class LeadListLinksTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_move_from_a_page_showing_a_retrieval_preview_comes_back_to_the_list_without_previewing_again()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];
        var leadIds = await AddLeadsAsync(user, form, 51); // one more than a page: Older leads is shown
        using var browser = await App.SignedInClientAsync(user);

        var shown = await browser.GetAsync($"/Leads?q=gil&retrieve={integrationId}:{form}&preview=1");
        var page = await shown.Content.ReadAsStringAsync();
        Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("data-test=\"retrieve-preview\""), "the page shows the retrieval's preview");
        var rendered = Links(page);
        var refreshed = Links(await browser.GetStringAsync(WebUtility.HtmlDecode(LiveUrl().Match(page).Groups[1].Value)));

        Assert.Multiple(() =>
        {
            Assert.That(rendered.All, Has.All.Contain("q=gil"), "the list's filters ride along");
            Assert.That(rendered.All, Has.None.Contain("retrieve").And.None.Contain("preview").And.None.Contain("handler"));
            Assert.That(rendered.All, Is.EqualTo(refreshed.All), "the page and its live refresh give the same links");
        });

        var requests = Graph.Requests.Count;
        var moved = await browser.PostFormAsync("/Leads/Stage?handler=Bulk",
            new Dictionary<string, string> { ["leadIds"] = leadIds[0].ToString(CultureInfo.InvariantCulture), ["stage"] = "contacted", ["returnUrl"] = rendered.ReturnUrl },
            formPage: "/Leads");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var back = await browser.GetStringAsync(moved.Headers.Location!.ToString());

        Assert.That(back, Does.Not.Contain("data-test=\"retrieve-preview\""), "the list, not the preview again");
        Assert.That(Graph.Requests.Count, Is.EqualTo(requests), "no Graph call: the retrieval is not previewed again");
    }

    private async Task<List<long>> AddLeadsAsync(TestUser user, string formId, int count)
    {
        await using var scope = App.ScopeFor(user.Id);
        var leads = Enumerable.Range(0, count).Select(i => new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageId = SandboxSeed.NotSubscribedPageId,
            FormId = formId,
            FullName = $"Gil {i}",
            Email = $"gil{i}@example.test",
            CreatedTime = DateTimeOffset.UtcNow.AddDays(-40).AddMinutes(i),
            FirstSeenAt = DateTimeOffset.UtcNow,
            Source = LeadSource.Webhook,
        }).ToList();
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync(leads, CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(count));
        return [.. leads.Select(l => l.Id)];
    }

    private static ListLinks Links(string html)
    {
        var returnUrl = ReturnUrl().Match(html);
        var older = Tags(html, "older-leads");
        Assert.That(returnUrl.Success, Is.True, "the bulk move's return address");
        Assert.That(older, Has.Count.EqualTo(1), "Older leads");
        return new ListLinks(WebUtility.HtmlDecode(returnUrl.Groups[1].Value), older[0], Tags(html, "stage-filter"));
    }

    /// <summary>The addresses of the links with this data-test, wherever the tag helper put their href.</summary>
    private static List<string> Tags(string html, string test) =>
        [.. Regex.Matches(html, $"<a [^>]*data-test=\"{test}\"[^>]*>").Select(tag => WebUtility.HtmlDecode(Href().Match(tag.Value).Groups[1].Value))];

    private sealed record ListLinks(string ReturnUrl, string OlderLeads, IReadOnlyList<string> StageLinks)
    {
        public IReadOnlyList<string> All => [ReturnUrl, OlderLeads, .. StageLinks];
    }

    [GeneratedRegex("data-leads-live=\"([^\"]*)\"")]
    private static partial Regex LiveUrl();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
