using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Where a walk along an edge stops when Graph's paging would not: a position named again after others (A → B → A),
/// empty pages without end whose time-based position (<c>until</c>, <c>__paging_token</c>) keeps changing, and pages of
/// items already met under ever new cursors.
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

    [Test]
    public void Pages_of_items_all_met_before_end_the_walk_whatever_new_cursor_they_name_once_enough_come_in_a_row()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1", "2"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 2), Is.True);

        for (var page = 1; page < GraphEdgeWalk.SeenPagesInARowToEnd; page++)
        {
            Assert.That(walk.Meet(["2", "1"], id => id), Is.Empty);
            Assert.That(walk.MoveTo(ByCursor($"b{page}"), items: 2), Is.True, $"page {page} of leads read before may be an overlap");
        }

        Assert.That(walk.Meet(["2", "1"], id => id), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(ByCursor("last"), items: 2), Is.False);
            Assert.That(walk.NothingNew, Is.True);
            Assert.That(walk.Repeated, Is.False);
            Assert.That(walk.Warning, Is.EqualTo(GraphEdgeWalk.NothingNewWarning));
        });
    }

    [Test]
    public void A_page_with_something_new_starts_the_count_of_pages_met_before_again()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True);
        for (var round = 0; round < 3; round++)
        {
            GoShortOfTheEnd(walk, "1", $"seen{round}.");

            walk.Meet([$"new{round}"], id => id);
            Assert.That(walk.MoveTo(ByCursor($"new{round}"), items: 1), Is.True, $"round {round}: a new item");
        }

        Assert.That(walk.NothingNew, Is.False);
    }

    [Test]
    public void A_position_paged_walk_goes_on_past_pages_of_items_met_before_to_the_new_ones_after_them()
    {
        // Offset or time paging: leads that arrive during the walk shift the pages, so at one lead a page the next pages
        // can repeat leads read before while the ones after them were never read.
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByOffset(1), items: 1), Is.True);
        for (var offset = 2; offset < 2 + (2 * GraphEdgeWalk.SeenPagesInARowToEnd); offset++)
        {
            Assert.That(walk.Meet(["1"], id => id), Is.Empty);
            Assert.That(walk.MoveTo(ByOffset(offset), items: 1), Is.True, $"offset {offset}");
        }

        Assert.That(walk.Meet(["2"], id => id), Is.EqualTo(new[] { "2" }));
        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(null, items: 1), Is.False);
            Assert.That(walk.NothingNew, Is.False);
            Assert.That(walk.Warning, Is.Null);
        });
    }

    [Test]
    public void A_page_of_items_met_before_that_names_its_own_cursor_is_asked_once_more_then_ends_as_repeated()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True);
        GoShortOfTheEnd(walk, "1", "b");

        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor($"b{GraphEdgeWalk.SeenPagesInARowToEnd - 1}"), items: 1), Is.True, "a page naming itself is asked once more");
        walk.Meet(["1"], id => id);
        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(ByCursor($"b{GraphEdgeWalk.SeenPagesInARowToEnd - 1}"), items: 1), Is.False);
            Assert.That(walk.Repeated, Is.True);
            Assert.That(walk.NothingNew, Is.False);
            Assert.That(walk.Warning, Is.EqualTo(GraphPagingCursor.RepeatedCursorWarning));
        });
    }

    [Test]
    public void Paging_that_goes_round_over_pages_of_items_met_before_fails_as_going_round()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True);
        GoShortOfTheEnd(walk, "1", "b");

        walk.Meet(["1"], id => id);
        var ex = Assert.Throws<GraphApiException>(() => walk.MoveTo(ByCursor("a"), items: 1));

        Assert.That(ex!.Failure.Message, Does.Contain("went back to a page it had already given"));
    }

    [Test]
    public void A_page_with_one_new_item_among_items_met_before_goes_on()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1", "2"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 2), Is.True);

        // A lead that arrived during the walk moved "2" onto the next page too.
        Assert.That(walk.Meet(["2", "3"], id => id), Is.EqualTo(new[] { "3" }));
        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(ByCursor("b"), items: 2), Is.True);
            Assert.That(walk.NothingNew, Is.False);
        });
    }

    [Test]
    public void Items_without_an_id_always_count_as_new_so_a_page_of_only_them_goes_on()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True);

        Assert.That(walk.Meet([null, string.Empty], id => id), Has.Count.EqualTo(2), "none is taken for one met before");
        Assert.That(walk.MoveTo(ByCursor("b"), items: 2), Is.True);
        Assert.That(walk.Meet([null, "1"], id => id), Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(ByCursor("c"), items: 2), Is.True, "a page with a lead without an id may hold one never read");
            Assert.That(walk.NothingNew, Is.False);
        });
    }

    [Test]
    public void The_answer_to_a_cursor_asked_once_more_repeats_its_items_and_may_carry_on()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True);
        walk.Meet(["2"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True, "the page named itself: asked once more");

        walk.Meet(["2"], id => id);
        Assert.That(walk.MoveTo(ByCursor("b"), items: 1), Is.True, "the same page again, now naming the next one");
        GoShortOfTheEnd(walk, "2", "c");

        walk.Meet(["2"], id => id);
        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(ByCursor("c"), items: 1), Is.False, "enough pages in a row under new cursors that bring nothing new end it");
            Assert.That(walk.NothingNew, Is.True);
        });
    }

    [Test]
    public void A_last_page_of_items_met_before_ends_the_walk_as_the_last_page_not_as_nothing_new()
    {
        var walk = new GraphEdgeWalk();
        walk.Meet(["1"], id => id);
        Assert.That(walk.MoveTo(ByCursor("a"), items: 1), Is.True);
        walk.Meet(["1"], id => id);

        Assert.Multiple(() =>
        {
            Assert.That(walk.MoveTo(null, items: 1), Is.False);
            Assert.That(walk.NothingNew, Is.False, "Graph named no next page: nothing to warn about");
        });
    }

    /// <summary>
    /// One page fewer than it takes to end the walk, each of the item <paramref name="id"/> met before and each naming a new
    /// cursor (<paramref name="cursor"/> and its number): every step must carry on.
    /// </summary>
    private static void GoShortOfTheEnd(GraphEdgeWalk walk, string id, string cursor)
    {
        for (var page = 1; page < GraphEdgeWalk.SeenPagesInARowToEnd; page++)
        {
            walk.Meet([id], item => item);
            Assert.That(walk.MoveTo(ByCursor($"{cursor}{page}"), items: 1), Is.True, $"page {page} under a new cursor that brings nothing new");
        }
    }

    private static GraphNextPage ByCursor(string after) => new(after, new Dictionary<string, string>());

    private static GraphNextPage ByOffset(int offset) =>
        new(null, new Dictionary<string, string> { ["offset"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static GraphNextPage ByTime(long until, string token) =>
        new(null, new Dictionary<string, string> { ["until"] = until.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__paging_token"] = token });
}
