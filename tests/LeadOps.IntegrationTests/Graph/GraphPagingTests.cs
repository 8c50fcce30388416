using System.Text.Json;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Graph.Support;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>Lead paging as it happens on the wire, against the Graph sandbox (which caps the page size at 25).</summary>
public sealed class GraphPagingTests : GraphClientFixture
{
    private const string Form = SandboxSeed.MainTestRideFormId;

    [Test]
    public async Task Capped_limit_still_pages_through_every_lead_once()
    {
        const int total = 1000;
        const int cap = 25;
        Graph.AddLeads(Form, total);

        var pages = await ReadAllAsync();

        var ids = pages.SelectMany(p => p).Select(l => l.Id).ToList();
        var requests = LeadsRequests();
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(total / cap));
            Assert.That(ids, Has.Count.EqualTo(total));
            Assert.That(ids, Is.Unique);
            Assert.That(requests.Select(r => Query(r, "limit")), Is.All.EqualTo("100"), "LeadOps asks for 100; the server gives 25");
        });
    }

    [Test]
    public async Task Empty_page_that_still_has_next_is_followed()
    {
        var leadId = NewLead();
        FaultsInOrder(FaultRoutes.Leads, new FaultRule { Kind = FaultKind.EmptyPageWithNext });

        var pages = await ReadAllAsync();

        var requests = LeadsRequests();
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(pages[1][0].Id, Is.EqualTo(leadId));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(Query(requests[0], "after"), Is.Null);
            Assert.That(Query(requests[1], "after"), Is.Not.Null.And.Not.Empty, "the second call follows the empty page's cursor");
            Assert.That(Query(requests[1], "before"), Is.Null);
        });
    }

    [Test]
    public async Task Date_filter_is_sent_in_the_documented_form()
    {
        var since = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
        var until = DateTimeOffset.FromUnixTimeSeconds(1_795_086_400);

        await ReadAllAsync(since, until);

        var request = LeadsRequests().Single();
        using var filtering = JsonDocument.Parse(Query(request, "filtering")!);
        var filters = filtering.RootElement.EnumerateArray()
            .Select(f => (Field: f.GetProperty("field").GetString(), Operator: f.GetProperty("operator").GetString(), Value: f.GetProperty("value").GetInt64()))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(filters, Is.EqualTo(new[]
            {
                ("time_created", "GREATER_THAN", 1_794_999_999L),
                ("time_created", "LESS_THAN", 1_795_086_400L),
            }));
            Assert.That(request.QueryString, Does.Contain("filtering=%5B%7B%22field%22"), "the JSON is URL-encoded");
            Assert.That(Query(request, "fields")!.Split(','), Does.Contain("field_data").And.Contain("created_time"));
        });
    }

    [Test]
    public async Task Date_filter_returns_only_the_leads_of_the_window()
    {
        var now = Clock.GetUtcNow();
        Graph.AddLeads(Form, 10, oldest: now.AddDays(-30), newest: now.AddDays(-20));
        var recent = Graph.SubmitLeads(Form, 3, now.AddHours(-1));

        var leads = (await ReadAllAsync(now.AddDays(-1), now)).SelectMany(p => p).Select(l => l.Id).ToList();

        Assert.That(leads, Is.EquivalentTo(recent));
    }

    [Test]
    public void Token_that_expires_mid_pagination_stops_with_token_invalid_after_the_pages_already_read()
    {
        Graph.AddLeads(Form, 60);
        var pages = new List<IReadOnlyList<FacebookLeadData>>();

        var ex = Assert.ThrowsAsync<GraphApiException>(async () =>
        {
            await foreach (var page in Client.Leads.GetLeadPagesAsync(MainPage, Form, null, null, CancellationToken.None))
            {
                pages.Add(page);
                Graph.SetTokenExpired(SandboxSeed.MainPageId);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Failure.Kind, Is.EqualTo(GraphFailureKind.TokenInvalid));
            Assert.That((ex.Failure.Code, ex.Failure.Subcode), Is.EqualTo((190, (int?)463)));
            Assert.That(pages.SelectMany(p => p).Select(l => l.Id).ToList(), Is.Unique.And.Count.EqualTo(25), "the first page reached the caller");
            Assert.That(LeadsRequests(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_cursor_graph_repeats_is_asked_once_more_then_paging_ends_with_a_warning_instead_of_looping()
    {
        Graph.AddLeads(Form, 60);
        // From the second page on (every call with a cursor), Graph announces the next page at the cursor it was just asked with.
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.RepeatedCursor });

        var pages = await ReadAllAsync();

        var requests = LeadsRequests();
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 25, 25, 25 }), "the repeated cursor was asked once more, then taken as the end");
            Assert.That(pages.SelectMany(p => p).Select(l => l.Id).Distinct().Count(), Is.EqualTo(50));
            Assert.That(((FacebookLeadPage)pages[^1]).Warning, Does.Contain("same paging cursor"));
            Assert.That(requests, Has.Count.EqualTo(3), "never a loop");
            Assert.That(Query(requests[2], "after"), Is.EqualTo(Query(requests[1], "after")));
        });
    }

    /// <summary>
    /// The forms listing with their questions (the heaviest answer LeadOps asks for) refused as too heavy: Graph's error 1
    /// "Please reduce the amount of data you're asking for" (HTTP 500) while more than one form is asked for per page. Each
    /// refused size is asked once, then half as many; every form is listed.
    /// </summary>
    [Test]
    public async Task A_forms_listing_graph_finds_too_heavy_is_asked_again_with_fewer_forms_per_page()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, Kind = FaultKind.TooMuchData, MaxPageSize = 1 });

        var forms = await Client.Pages.GetLeadFormsWithQuestionsAsync(MainPage, CancellationToken.None);

        var limits = RequestsTo("GET", $"/{SandboxSeed.MainPageId}/leadgen_forms").Select(r => int.Parse(Query(r, "limit")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(forms.Select(f => f.Id), Is.EquivalentTo(SandboxSeed.FormIdsOf(SandboxSeed.MainPageId)));
            Assert.That(limits.TakeWhile(l => l > 1), Is.EqualTo(new[] { 100, 50, 25, 12, 6, 3 }), "each refused size asked once");
            Assert.That(limits.SkipWhile(l => l > 1), Has.All.EqualTo(1), "the rest of the listing keeps the size that passed");
            Assert.That(
                Client.Logs.GetSnapshot().Where(r => r.Id.Name == "GraphPageHalved").Select(r => r.Message),
                Is.EqualTo(new[] { (100, 50), (50, 25), (25, 12), (12, 6), (6, 3), (3, 1) }.Select(h => $"Graph found a page of lead forms too heavy to send at {h.Item1} items; asking again with {h.Item2}")),
                "each halving is logged once");
        });
    }

    private List<RecordedRequest> LeadsRequests() => [.. RequestsTo("GET", $"/{Form}/leads")];

    private async Task<List<IReadOnlyList<FacebookLeadData>>> ReadAllAsync(DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var pages = new List<IReadOnlyList<FacebookLeadData>>();
        await foreach (var page in Client.Leads.GetLeadPagesAsync(MainPage, Form, since, until, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }
}
