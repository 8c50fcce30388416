using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Where a walk along an edge stops when Graph's paging would not: a position named again after others (A → B → A), and
/// empty pages without end whose time-based position (<c>until</c>, <c>__paging_token</c>) keeps changing.
/// </summary>
public sealed class GraphEdgeWalkTests
{
    [Test]
    public void A_time_based_position_named_again_after_another_stops_the_walk_with_a_failure()
    {
        var walk = new GraphEdgeWalk();
        Assert.That(walk.MoveTo(ByTime(200, "a"), items: 25), Is.True);
        Assert.That(walk.MoveTo(ByTime(100, "b"), items: 25), Is.True);

        var ex = Assert.Throws<GraphApiException>(() => walk.MoveTo(ByTime(200, "a"), items: 25));

        Assert.That(ex!.Failure.Message, Does.Contain("went back to a page it had already given"));
    }

    [Test]
    public void Empty_pages_whose_position_keeps_changing_stop_the_walk_past_the_bound_not_before()
    {
        var walk = new GraphEdgeWalk();
        for (var page = 1; page <= GraphEdgeWalk.MaxEmptyPagesInARow; page++)
        {
            Assert.That(walk.MoveTo(ByTime(1000 - page, $"t{page}"), items: 0), Is.True, $"empty page {page}");
        }

        var ex = Assert.Throws<GraphApiException>(() => walk.MoveTo(ByTime(1, "last"), items: 0));

        Assert.That(ex!.Failure.Message, Does.Contain($"more than {GraphEdgeWalk.MaxEmptyPagesInARow} empty pages in a row"));
    }

    [Test]
    public void A_page_with_items_starts_the_count_of_empty_pages_again()
    {
        var walk = new GraphEdgeWalk();
        for (var page = 1; page <= 2 * GraphEdgeWalk.MaxEmptyPagesInARow; page++)
        {
            Assert.That(walk.MoveTo(ByTime(10_000 - page, $"t{page}"), items: page % GraphEdgeWalk.MaxEmptyPagesInARow == 0 ? 1 : 0), Is.True, $"page {page}");
        }
    }

    private static GraphNextPage ByTime(long until, string token) =>
        new(null, new Dictionary<string, string> { ["until"] = until.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__paging_token"] = token });
}
