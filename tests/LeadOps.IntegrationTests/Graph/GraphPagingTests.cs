using System.Globalization;
using System.Text.Json;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Leads;
using LeadOps.IntegrationTests.Graph.Support;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>Lead paging as it happens on the wire.</summary>
public sealed class GraphPagingTests : GraphServerFixture
{
    private static readonly GraphCredentials Page = new("page-1", "EAAB-page-token-1");

    [Test]
    public async Task Capped_limit_still_pages_through_every_lead_once()
    {
        const int total = 1000;
        const int cap = 25;
        Server.Respond("GET", "/form-1/leads", request =>
        {
            var offset = int.Parse(request.QueryValue("after") ?? "0", CultureInfo.InvariantCulture);
            var size = Math.Min(int.Parse(request.QueryValue("limit") ?? "25", CultureInfo.InvariantCulture), cap);
            var leads = Enumerable.Range(offset, Math.Min(size, total - offset)).Select(i => GraphPayloads.LeadObject($"lead-{i}"));
            var end = offset + size;
            return GraphPayloads.LeadPage(leads, end < total ? end.ToString(CultureInfo.InvariantCulture) : null, Server.BaseUrl.ToString());
        });

        var pages = await ReadAllAsync();

        var ids = pages.SelectMany(p => p).Select(l => l.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Server.CountRequests("GET", "/form-1/leads"), Is.EqualTo(total / cap));
            Assert.That(ids, Has.Count.EqualTo(total));
            Assert.That(ids, Is.Unique);
            Assert.That(Server.Requests.Select(r => r.QueryValue("limit")), Is.All.EqualTo("100"), "LeadOps asks for 100; the server gives 25");
        });
    }

    [Test]
    public async Task Empty_page_that_still_has_next_is_followed()
    {
        Server.Enqueue(
            "GET",
            "/form-1/leads",
            GraphPayloads.LeadPage([], after: "cursor-1"),
            GraphPayloads.LeadPage([GraphPayloads.LeadObject("lead-7")], after: null));

        var pages = await ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(pages[1][0].Id, Is.EqualTo("lead-7"));
            Assert.That(Server.Requests.Select(r => r.QueryValue("after")), Is.EqualTo(new[] { null, "cursor-1" }));
        });
    }

    [Test]
    public async Task Date_filter_is_sent_in_the_documented_form()
    {
        Server.Enqueue("GET", "/form-1/leads", GraphPayloads.LeadPage([], after: null));
        var since = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
        var until = DateTimeOffset.FromUnixTimeSeconds(1_795_086_400);

        await ReadAllAsync(since, until);

        var request = Server.Requests.Single();
        using var filtering = JsonDocument.Parse(request.QueryValue("filtering")!);
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
            Assert.That(request.PathAndQuery, Does.Contain("filtering=%5B%7B%22field%22"), "the JSON is URL-encoded");
            Assert.That(request.QueryValue("fields")!.Split(','), Does.Contain("field_data").And.Contain("created_time"));
        });
    }

    [Test]
    public async Task Ids_sent_as_numbers_and_an_unreadable_created_time_still_reach_the_caller()
    {
        Server.Enqueue("GET", "/form-1/leads", ScriptedResponse.Json("""
            {"data":[
              {"id":120000000000000001,"created_time":"2026-11-20T10:15:00+0000","form_id":42,"field_data":[{"name":"email","values":["a@b.c"]}]},
              {"id":"120000000000000002","created_time":"20/11/2026","field_data":[]}
            ],"paging":{"cursors":{"before":"x","after":"y"}}}
            """));

        var leads = (await ReadAllAsync()).SelectMany(p => p).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads.Select(l => l.Id), Is.EqualTo(new[] { "120000000000000001", "120000000000000002" }));
            Assert.That(leads[0].FormId, Is.EqualTo("42"));
            Assert.That(leads[0].Problem, Is.Null);
            Assert.That(leads[1].CreatedTime, Is.Null);
            Assert.That(leads[1].Problem, Does.Contain("created_time"));
        });
    }

    [Test]
    public void Token_that_expires_mid_pagination_stops_with_token_invalid_after_the_pages_already_read()
    {
        Server.Enqueue(
            "GET",
            "/form-1/leads",
            GraphPayloads.LeadPage([GraphPayloads.LeadObject("lead-1")], after: "c1"),
            ScriptedResponse.GraphError(190, 463));

        var pages = new List<IReadOnlyList<FacebookLeadData>>();
        var ex = Assert.ThrowsAsync<GraphApiException>(async () =>
        {
            await foreach (var page in Client.Leads.GetLeadPagesAsync(Page, "form-1", null, null, CancellationToken.None))
            {
                pages.Add(page);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Failure.Kind, Is.EqualTo(GraphFailureKind.TokenInvalid));
            Assert.That(pages.SelectMany(p => p).Single().Id, Is.EqualTo("lead-1"));
            Assert.That(Server.CountRequests("GET", "/form-1/leads"), Is.EqualTo(2));
        });
    }

    private async Task<List<IReadOnlyList<FacebookLeadData>>> ReadAllAsync(DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var pages = new List<IReadOnlyList<FacebookLeadData>>();
        await foreach (var page in Client.Leads.GetLeadPagesAsync(Page, "form-1", since, until, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }
}
