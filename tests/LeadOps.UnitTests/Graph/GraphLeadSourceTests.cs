using LeadOps.Application.Common.Graph;
using LeadOps.Application.Leads;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadOps.UnitTests.Graph;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GraphLeadSourceTests
{
    private static readonly GraphCredentials Credentials = new("page-1", "page-token");

    private readonly Mock<IGraphApi> _api = new(MockBehavior.Strict);

    [Test]
    public async Task Follows_next_until_there_is_none()
    {
        Script(
            (null, Page(["1", "2"], next: "c1")),
            ("c1", Page(["3", "4"], next: "c2")),
            ("c2", Page(["5"], next: null)));

        var pages = await ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(pages.SelectMany(p => p).Select(l => l.Id), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        });
        _api.VerifyAll();
    }

    [Test]
    public async Task Empty_page_that_still_has_next_is_followed()
    {
        Script(
            (null, Page([], next: "c1")),
            ("c1", Page([], next: "c2")),
            ("c2", Page(["9"], next: null)));

        var pages = await ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pages, Has.Count.EqualTo(3));
            Assert.That(pages.SelectMany(p => p).Single().Id, Is.EqualTo("9"));
        });
    }

    [Test]
    public async Task Page_smaller_than_the_limit_is_not_taken_as_the_last_one()
    {
        // Graph caps the limit at 25 while 100 were asked for.
        var first = Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var second = Enumerable.Range(26, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Script((null, Page(first, next: "c1")), ("c1", Page(second, next: null)));

        var pages = await ReadAllAsync();

        Assert.That(pages.SelectMany(p => p).Select(l => l.Id).Distinct().Count(), Is.EqualTo(50));
    }

    [Test]
    public async Task Takes_the_cursor_from_the_next_url_when_cursors_are_missing()
    {
        Script(
            (null, new GraphListResponse<GraphLeadDto>
            {
                Data = [Lead("1")],
                Paging = new GraphPagingDto { Next = "https://graph.facebook.com/v25.0/form-1/leads?limit=100&after=QVFI%3D%3D" },
            }),
            ("QVFI==", Page(["2"], next: null)));

        var pages = await ReadAllAsync();

        Assert.That(pages.SelectMany(p => p).Select(l => l.Id), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task A_cursor_that_repeats_is_asked_once_more_then_the_walk_ends_with_a_warning_never_in_a_loop()
    {
        Script((null, Page(["1"], next: "c1")), ("c1", Page(["2"], next: "c1")));

        var pages = await ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pages, Has.Count.EqualTo(3), "the first page, the repeated one, and the one asked once more");
            _api.Verify(a => a.GetLeadsAsync("form-1", It.IsAny<string>(), It.IsAny<int?>(), "c1", It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
            Assert.That(((FacebookLeadPage)pages[^1]).Warning, Does.Contain("cursor"));
            Assert.That(pages.Take(2).Select(p => ((FacebookLeadPage)p).Warning), Has.All.Null);
        });
    }

    [Test]
    public async Task An_empty_page_that_repeats_its_cursor_is_asked_once_more_and_the_walk_goes_on()
    {
        var repeated = 0;
        _api.Setup(a => a.GetLeadsAsync("form-1", It.IsAny<string>(), It.IsAny<int?>(), null, It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Page(["1"], next: "c1"));
        _api.Setup(a => a.GetLeadsAsync("form-1", It.IsAny<string>(), It.IsAny<int?>(), "c1", It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++repeated == 1 ? Page([], next: "c1") : Page(["2"], next: null));

        var pages = await ReadAllAsync();

        Assert.That(pages.SelectMany(p => p).Select(l => l.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(pages.Select(p => ((FacebookLeadPage)p).Warning), Has.All.Null);
    }

    [Test]
    public async Task Sends_the_documented_filter_the_fields_and_the_page_size()
    {
        var since = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        string? sentFiltering = null;
        _api.Setup(a => a.GetLeadsAsync("form-1", GraphLeadMapper.Fields, GraphLeadSource.PageSize, null, It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, int? _, string? _, string? filtering, GraphCallContext _, CancellationToken _) => sentFiltering = filtering)
            .ReturnsAsync(Page([], next: null));

        await ReadAllAsync(since);

        Assert.That(sentFiltering, Is.EqualTo("""[{"field":"time_created","operator":"GREATER_THAN","value":1799999999}]"""));
    }

    [Test]
    public async Task Passes_the_page_token_to_the_handlers_in_the_call_context()
    {
        GraphCallContext? sent = null;
        _api.Setup(a => a.GetLeadsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, int? _, string? _, string? _, GraphCallContext context, CancellationToken _) => sent = context)
            .ReturnsAsync(Page([], next: null));

        await ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(sent!.AccessToken, Is.EqualTo("page-token"));
            Assert.That(sent.PageKey, Is.EqualTo("page-1"));
            Assert.That(sent.ToString(), Does.Not.Contain("page-token"));
        });
    }

    [Test]
    public async Task Lead_with_unreadable_created_time_is_still_yielded_with_a_problem()
    {
        Script((null, new GraphListResponse<GraphLeadDto>
        {
            Data = [Lead("1"), Lead("2") with { CreatedTime = "last tuesday" }],
        }));

        var leads = (await ReadAllAsync()).SelectMany(p => p).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads, Has.Count.EqualTo(2));
            Assert.That(leads[0].Problem, Is.Null);
            Assert.That(leads[0].CreatedTime, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero)));
            Assert.That(leads[1].CreatedTime, Is.Null);
            Assert.That(leads[1].Problem, Is.Null);
            Assert.That(leads[1].CreatedTimeProblem, Does.Contain("created_time"));
        });
    }

    [Test]
    public async Task Pages_of_leads_already_read_under_new_cursors_end_the_walk_with_a_warning_and_every_lead_is_handed_over()
    {
        // "c5" would be asked for if the walk went on: the strict mock fails the test then.
        Script(
            (null, Page(["1", "2"], next: "c1")),
            ("c1", Page(["2", "3"], next: "c2")),
            ("c2", Page(["3", "1"], next: "c3")),
            ("c3", Page(["1", "2"], next: "c4")),
            ("c4", Page(["2", "3"], next: "c5")));

        var pages = await ReadAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(GraphEdgeWalk.SeenPagesInARowToEnd, Is.EqualTo(3), "the script has that many pages of leads already read");
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 2, 2, 2, 2, 2 }), "the page with one new lead went on");
            Assert.That(pages.Take(4).Select(p => ((FacebookLeadPage)p).Warning), Is.All.Null);
            Assert.That(((FacebookLeadPage)pages[^1]).Warning, Is.EqualTo(GraphEdgeWalk.NothingNewWarning));
        });
    }

    [Test]
    public async Task Maps_answers_with_several_values_or_none()
    {
        var lead = Lead("1") with
        {
            FieldData =
            [
                new GraphLeadFieldDto { Name = "full_name", Values = [Json("\"Ana Lima\"")] },
                new GraphLeadFieldDto { Name = "services", Values = [Json("\"a\""), Json("\"b\"")] },
                new GraphLeadFieldDto { Name = "empty", Values = [] },
                new GraphLeadFieldDto { Name = "missing" },
            ],
        };
        _api.Setup(a => a.GetLeadAsync("1", GraphLeadMapper.Fields, It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(lead);

        var result = await new GraphLeadSource(_api.Object, NullLogger<GraphLeadSource>.Instance).GetLeadAsync(Credentials, "1", CancellationToken.None);

        Assert.That(result.FieldData, Is.EqualTo(new[]
        {
            new FacebookLeadAnswer("full_name", ["Ana Lima"]),
            new FacebookLeadAnswer("services", ["a", "b"]),
            new FacebookLeadAnswer("empty", []),
            new FacebookLeadAnswer("missing", []),
        }).Using<FacebookLeadAnswer>((a, b) => a.Name == b.Name && a.Values.SequenceEqual(b.Values)));
    }

    private void Script(params (string? After, GraphListResponse<GraphLeadDto> Page)[] pages)
    {
        foreach (var (after, page) in pages)
        {
            _api.Setup(a => a.GetLeadsAsync("form-1", It.IsAny<string>(), It.IsAny<int?>(), after, It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(page);
        }
    }

    private async Task<List<IReadOnlyList<FacebookLeadData>>> ReadAllAsync() => await ReadAllAsync(null);

    private async Task<List<IReadOnlyList<FacebookLeadData>>> ReadAllAsync(DateTimeOffset? since)
    {
        var source = new GraphLeadSource(_api.Object, NullLogger<GraphLeadSource>.Instance);
        var pages = new List<IReadOnlyList<FacebookLeadData>>();
        await foreach (var page in source.GetLeadPagesAsync(Credentials, "form-1", since, null, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    private static GraphListResponse<GraphLeadDto> Page(string[] ids, string? next) => new()
    {
        Data = ids.Select(Lead).ToList(),
        Paging = new GraphPagingDto
        {
            Cursors = new GraphCursorsDto { Before = "b", After = next ?? "end" },
            Next = next is null ? null : $"https://graph.facebook.com/v25.0/form-1/leads?after={next}",
        },
    };

    private static GraphLeadDto Lead(string id) => new() { Id = id, CreatedTime = "2026-11-20T10:15:00+0000", FormId = "form-1" };

    private static System.Text.Json.JsonElement Json(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
