using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// An edge read whole (a form's <c>test_leads</c>): each item once, and a walk that ends when pages in a row bring nothing
/// new, even if Graph keeps naming new cursors; a page of new items under a new cursor goes on.
/// </summary>
public sealed class GraphEdgeReadAllTests
{
    private static GraphListResponse<GraphLeadDto> Page(string? next, params string[] ids) => new()
    {
        Data = [.. ids.Select(id => new GraphLeadDto { Id = id })],
        Paging = next is null ? null : new GraphPagingDto { Cursors = new GraphCursorsDto { After = next }, Next = $"https://graph.facebook.com/v25.0/form-1/test_leads?after={next}" },
    };

    [Test]
    public async Task Pages_that_bring_no_new_item_end_the_walk_whatever_cursor_they_name()
    {
        var asked = 0;
        var read = await GraphEdgeWalk.ReadAllAsync(
            after =>
            {
                asked++;
                return asked > 50 ? throw new InvalidOperationException("the walk did not end") : Task.FromResult(Page($"c{asked}", "1"));
            },
            _ => throw new InvalidOperationException("no position paging here"),
            lead => lead.Id);

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(l => l.Id), Is.EqualTo(new[] { "1" }));
            Assert.That(asked, Is.EqualTo(1 + GraphEdgeWalk.SeenPagesInARowToEnd), "the pages after the first repeated it, enough of them in a row");
        });
    }

    [Test]
    public async Task Pages_of_new_items_are_read_to_the_last_and_an_item_listed_twice_is_kept_once()
    {
        var pages = new Dictionary<string, GraphListResponse<GraphLeadDto>>
        {
            [""] = Page("a", "1", "2"),
            ["a"] = Page("b", "2", "3"),
            ["b"] = Page(null, "4"),
        };

        var read = await GraphEdgeWalk.ReadAllAsync(
            after => Task.FromResult(pages[after ?? ""]),
            _ => throw new InvalidOperationException("no position paging here"),
            lead => lead.Id);

        Assert.That(read.Select(l => l.Id), Is.EqualTo(new[] { "1", "2", "3", "4" }));
    }
}
