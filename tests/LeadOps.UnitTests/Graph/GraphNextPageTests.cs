using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.UnitTests.Graph;

/// <summary>Where the next page of an edge starts, in each form of <c>paging</c> Graph's "Paginated Results" prints.</summary>
public sealed class GraphNextPageTests
{
    [Test]
    public void A_cursor_wins_over_the_time_its_next_url_also_names()
    {
        var next = GraphPagingCursor.NextPage(new GraphPagingDto { Cursors = new() { After = "c1" }, Next = "https://graph.facebook.com/v25.0/1/leads?until=5&after=c1" });

        Assert.That((next!.After, next.Position.Count), Is.EqualTo(("c1", 0)));
    }

    [TestCase("https://graph.facebook.com/v25.0/1/leads?limit=25&until=1364587774&__paging_token=enc%3D", "__paging_token=enc=&until=1364587774", TestName = "Time_based_next_url")]
    [TestCase("https://graph.facebook.com/v25.0/1/leads?access_token=t&limit=25&offset=50", "offset=50", TestName = "Offset_based_next_url")]
    public void A_next_url_without_a_cursor_names_the_next_page_by_its_time_or_offset(string url, string key)
    {
        var next = GraphPagingCursor.NextPage(new GraphPagingDto { Previous = "https://graph.facebook.com/v25.0/1/leads?limit=25&since=1364849754", Next = url });

        Assert.Multiple(() =>
        {
            Assert.That(next!.After, Is.Null);
            Assert.That(next.Key, Is.EqualTo(key), "only where the page starts: no token, limit or fields of the url");
        });
    }

    [Test]
    public void A_next_url_naming_no_position_at_all_is_refused_rather_than_read_as_the_last_page()
    {
        Assert.Throws<GraphApiException>(() => GraphPagingCursor.NextPage(new GraphPagingDto { Next = "https://graph.facebook.com/v25.0/1/leads?limit=25" }));
    }
}
