using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadOps.UnitTests.Graph;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GraphFacebookPageGatewayTests
{
    private static readonly GraphCredentials Credentials = new("page-1", "page-token");

    private readonly Mock<IGraphApi> _api = new(MockBehavior.Strict);

    [Test]
    public async Task Debug_token_is_skipped_when_no_app_id_and_secret_are_configured()
    {
        var gateway = Gateway(new FacebookOptions { AppSecret = "secret" });

        var info = await gateway.DebugTokenAsync("page-token", CancellationToken.None);

        Assert.That(info, Is.Null);
        _api.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Debug_token_is_called_with_the_app_token_and_maps_the_answer()
    {
        GraphCallContext? sent = null;
        _api.Setup(a => a.DebugTokenAsync("page-token", It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .Callback((string _, GraphCallContext context, CancellationToken _) => sent = context)
            .ReturnsAsync(new GraphDebugTokenResponse
            {
                Data = new GraphDebugTokenDto
                {
                    Type = "PAGE",
                    IsValid = true,
                    ExpiresAt = 0,
                    DataAccessExpiresAt = 1_800_000_000,
                    Scopes = ["leads_retrieval", "pages_show_list"],
                    ProfileId = "page-1",
                },
            });
        var gateway = Gateway(new FacebookOptions { AppId = "app-1", AppSecret = "secret" });

        var info = await gateway.DebugTokenAsync("page-token", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(sent!.AccessToken, Is.EqualTo("app-1|secret"));
            Assert.That(sent.IsAppToken, Is.True);
            Assert.That(info!.IsValid, Is.True);
            Assert.That(info.ExpiresAt, Is.Null, "0 means the token does not expire");
            Assert.That(info.DataAccessExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
            Assert.That(info.Scopes, Is.EqualTo(new[] { "leads_retrieval", "pages_show_list" }));
            Assert.That(info.ProfileId, Is.EqualTo("page-1"));
        });
    }

    [Test]
    public async Task Lead_forms_are_read_across_pages()
    {
        _api.Setup(a => a.GetLeadFormsAsync("page-1", It.IsAny<string>(), It.IsAny<int?>(), null, It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphListResponse<GraphLeadFormDto>
            {
                Data = [new GraphLeadFormDto { Id = "f1", Name = "Quote", Status = "ACTIVE", CreatedTime = "2026-01-02T03:04:05+0000", LeadsCount = 12 }],
                Paging = new GraphPagingDto { Cursors = new GraphCursorsDto { After = "c1" }, Next = "https://graph.facebook.com/next" },
            });
        _api.Setup(a => a.GetLeadFormsAsync("page-1", It.IsAny<string>(), It.IsAny<int?>(), "c1", It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphListResponse<GraphLeadFormDto> { Data = [new GraphLeadFormDto { Id = "f2", Name = "Old", Status = "ARCHIVED" }] });

        var forms = await Gateway(new FacebookOptions()).GetLeadFormsAsync(Credentials, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(forms.Select(f => f.Id), Is.EqualTo(new[] { "f1", "f2" }));
            Assert.That(forms[0].CreatedTime, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
            Assert.That(forms[0].LeadsCount, Is.EqualTo(12));
            Assert.That(forms[1].Status, Is.EqualTo("ARCHIVED"));
        });
    }

    [Test]
    public async Task A_forms_listing_that_gives_the_forms_listed_before_under_ever_new_cursors_ends_there()
    {
        var asked = 0;
        _api.Setup(a => a.GetLeadFormsAsync("page-1", It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<string?>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++asked > 50
                ? throw new InvalidOperationException("the listing did not end")
                : new GraphListResponse<GraphLeadFormDto>
                {
                    Data = [new GraphLeadFormDto { Id = "f1", Name = "Quote", Status = "ACTIVE" }],
                    Paging = new GraphPagingDto { Cursors = new GraphCursorsDto { After = $"c{asked}" }, Next = "https://graph.facebook.com/next" },
                });

        var forms = await Gateway(new FacebookOptions()).GetLeadFormsAsync(Credentials, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(forms.Select(f => f.Id), Is.EqualTo(new[] { "f1" }));
            Assert.That(asked, Is.EqualTo(1 + GraphEdgeWalk.SeenPagesInARowToEnd));
        });
    }

    [Test]
    public async Task Test_leads_listed_without_an_id_are_not_named_for_deletion()
    {
        _api.Setup(a => a.GetTestLeadsAsync("form-1", "id", null, It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphListResponse<GraphLeadDto> { Data = [new GraphLeadDto { Id = "1" }, new GraphLeadDto { Id = "" }, new GraphLeadDto { Id = "" }, new GraphLeadDto()] });

        var ids = await Gateway(new FacebookOptions()).GetTestLeadIdsAsync(Credentials, "form-1", CancellationToken.None);

        Assert.That(ids, Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task Subscribed_fields_are_those_of_this_app()
    {
        _api.Setup(a => a.GetSubscribedAppsAsync("page-1", null, It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphListResponse<GraphSubscribedAppDto>
            {
                Data =
                [
                    new GraphSubscribedAppDto { Id = "other-app", SubscribedFields = ["feed"] },
                    new GraphSubscribedAppDto { Id = "app-1", SubscribedFields = ["leadgen", "messages"] },
                ],
            });

        var fields = await Gateway(new FacebookOptions { AppId = "app-1" }).GetSubscribedFieldsAsync(Credentials, CancellationToken.None);

        Assert.That(fields, Is.EqualTo(new[] { "leadgen", "messages" }));
    }

    /// <summary>
    /// The app installed on the page with no <c>subscribed_fields</c> key, as an integrator's notes of a Messenger outage
    /// record <c>GET /{page-id}/subscribed_apps</c> before the page was subscribed again (<c>{"data":[{"id":"…","name":"…"}],
    /// "paging":{…}}</c>): subscribed to no field, so no webhook comes, and the check repairs it.
    /// </summary>
    [Test]
    public async Task An_app_listed_without_subscribed_fields_is_subscribed_to_nothing()
    {
        var answer = System.Text.Json.JsonSerializer.Deserialize<GraphListResponse<GraphSubscribedAppDto>>(
            """{"data":[{"id":"app-1","name":"Sales Anchor"}],"paging":{"cursors":{"before":"QVFI","after":"QVFI"}}}""",
            LeadOps.Infrastructure.Graph.Json.GraphJson.Options)!;
        _api.Setup(a => a.GetSubscribedAppsAsync("page-1", null, It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(answer);

        var fields = await Gateway(new FacebookOptions { AppId = "app-1" }).GetSubscribedFieldsAsync(Credentials, CancellationToken.None);

        Assert.That(fields, Is.Empty);
    }

    [Test]
    public async Task Subscribe_sends_the_fields_comma_separated()
    {
        _api.Setup(a => a.SubscribeAppAsync("page-1", "leadgen,messages", It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphSuccessDto { Success = true });

        await Gateway(new FacebookOptions()).SubscribeAsync(Credentials, ["leadgen", "messages"], CancellationToken.None);

        _api.VerifyAll();
    }

    [Test]
    public void Subscribe_that_graph_does_not_confirm_fails()
    {
        _api.Setup(a => a.SubscribeAppAsync("page-1", "leadgen", It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphSuccessDto { Success = false });

        Assert.ThrowsAsync<GraphApiException>(() => Gateway(new FacebookOptions()).SubscribeAsync(Credentials, ["leadgen"], CancellationToken.None));
    }

    private GraphFacebookPageGateway Gateway(FacebookOptions options) =>
        new(_api.Object, Mock.Of<IOptionsMonitor<FacebookOptions>>(m => m.CurrentValue == options), NullLogger<GraphFacebookPageGateway>.Instance);
}
