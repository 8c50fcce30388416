using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// A page whose <c>next</c> link names no position LeadOps can follow: the leads on it are handed over before the walk
/// fails, so they are stored rather than lost with the run.
/// </summary>
public sealed class GraphUnreadableNextPageTests
{
    [Test]
    public async Task The_leads_of_a_page_whose_next_link_cannot_be_followed_are_handed_over_before_the_walk_fails()
    {
        var api = new Mock<IGraphApi>(MockBehavior.Strict);
        api.Setup(a => a.GetLeadsAsync("form-1", It.IsAny<string>(), It.IsAny<int?>(), null, It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphListResponse<GraphLeadDto>
            {
                Data = [new GraphLeadDto { Id = "1", FormId = "form-1" }, new GraphLeadDto { Id = "2", FormId = "form-1" }],
                Paging = new GraphPagingDto { Next = "https://graph.facebook.com/v25.0/form-1/leads?page=2" },
            });
        var source = new GraphLeadSource(api.Object, NullLogger<GraphLeadSource>.Instance);
        var handedOver = new List<string>();

        var ex = Assert.ThrowsAsync<GraphApiException>(async () =>
        {
            await foreach (var page in source.GetLeadPagesAsync(new GraphCredentials("page-1", "page-token"), "form-1", null, null, CancellationToken.None))
            {
                handedOver.AddRange(page.Select(l => l.Id));
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(handedOver, Is.EqualTo(new[] { "1", "2" }));
            Assert.That(ex!.Failure.Message, Does.Contain("next page"));
        });
    }
}
