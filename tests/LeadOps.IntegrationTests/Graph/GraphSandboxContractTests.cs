using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>The real Graph client (Refit, handlers, resilience) against the Graph sandbox over loopback.</summary>
public sealed class GraphSandboxContractTests
{
    private GraphSandboxServer _sandbox = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { InitialLeadsPerForm = 0, LeadsLimitCap = 25 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = _sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["Facebook:AppId"] = _sandbox.State.Options.AppId,
            ["Facebook:AppSecret"] = _sandbox.State.Options.AppSecret,
            ["Facebook:Resilience:BaseDelay"] = "00:00:00.010",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddFakeLogging())
            .AddGraphClient(configuration)
            .BuildServiceProvider();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private static GraphCredentials Main => new(SandboxSeed.MainPageId, SandboxSeed.MainPageToken);

    [Test]
    public async Task Paging_a_thousand_leads_with_a_cap_of_25_takes_40_calls_and_returns_each_lead_once()
    {
        _sandbox.State.AddLeads(SandboxSeed.MainTestRideFormId, 1000);
        var ids = new List<string>();

        await foreach (var page in _services.GetRequiredService<ILeadSource>().GetLeadPagesAsync(Main, SandboxSeed.MainTestRideFormId, null, null, CancellationToken.None))
        {
            ids.AddRange(page.Select(l => l.Id));
        }

        Assert.That(ids, Has.Count.EqualTo(1000));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1000));
        Assert.That(_sandbox.State.Requests.Count(r => r.Path.EndsWith($"/{SandboxSeed.MainTestRideFormId}/leads", StringComparison.Ordinal)), Is.EqualTo(40));
    }

    [Test]
    public async Task An_empty_page_that_still_has_next_is_followed()
    {
        _sandbox.State.AddLeads(SandboxSeed.MainServiceFormId, 60);
        _sandbox.State.SetFault(new FaultRule { Route = "leads", Kind = FaultKind.EmptyPageWithNext, AfterCalls = 1, Times = 1 });
        var ids = new List<string>();

        await foreach (var page in _services.GetRequiredService<ILeadSource>().GetLeadPagesAsync(Main, SandboxSeed.MainServiceFormId, null, null, CancellationToken.None))
        {
            ids.AddRange(page.Select(l => l.Id));
        }

        Assert.That(ids.Distinct().Count(), Is.EqualTo(60));
    }

    [Test]
    public async Task The_date_filter_is_sent_in_the_documented_form_and_no_token_is_in_any_url()
    {
        var since = DateTimeOffset.UtcNow.AddDays(-3);
        await foreach (var _ in _services.GetRequiredService<ILeadSource>().GetLeadPagesAsync(Main, SandboxSeed.MainTestRideFormId, since, since.AddDays(1), CancellationToken.None))
        {
        }

        await _services.GetRequiredService<IFacebookPageGateway>().GetLeadFormsAsync(Main, CancellationToken.None);
        await _services.GetRequiredService<IMessengerGateway>().SendTextAsync(Main, SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello", MessengerMessagingType.Response, CancellationToken.None);

        var leadsCall = _sandbox.State.Requests.Single(r => r.Path.EndsWith("/leads", StringComparison.Ordinal));
        var query = Uri.UnescapeDataString(leadsCall.QueryString);
        Assert.That(query, Does.Contain("filtering=[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":"));
        Assert.That(query, Does.Contain("\"operator\":\"LESS_THAN\""));
        foreach (var request in _sandbox.State.Requests)
        {
            Assert.That(request.HasAuthorizationHeader, Is.True, request.Path);
            Assert.That(request.HasAccessTokenParameter, Is.False, request.Path);
            Assert.That(request.QueryString, Does.Not.Contain(SandboxSeed.MainPageToken), request.Path);
            Assert.That(request.AppSecretProof, Is.Not.Null.And.Not.Empty, "appsecret_proof on every call when an app secret is configured");
        }

        var logs = _services.GetFakeLogCollector().GetSnapshot();
        Assert.That(logs, Is.Not.Empty);
        Assert.That(logs.Select(l => l.Message + string.Join(",", l.StructuredState?.Select(kv => kv.Value) ?? [])), Has.None.Contains(SandboxSeed.MainPageToken));
    }

    [Test]
    public void A_token_expiring_mid_pagination_surfaces_as_token_invalid()
    {
        _sandbox.State.AddLeads(SandboxSeed.MainTestRideFormId, 100);
        _sandbox.State.SetFault(new FaultRule { Route = "leads", Kind = FaultKind.TokenExpired, AfterCalls = 2, Times = 1 });

        var ex = Assert.ThrowsAsync<GraphApiException>(async () =>
        {
            await foreach (var _ in _services.GetRequiredService<ILeadSource>().GetLeadPagesAsync(Main, SandboxSeed.MainTestRideFormId, null, null, CancellationToken.None))
            {
            }
        });

        Assert.That(ex!.Failure.Kind, Is.EqualTo(GraphFailureKind.TokenInvalid));
        Assert.That(ex.Failure.Code, Is.EqualTo(190));
    }
}
