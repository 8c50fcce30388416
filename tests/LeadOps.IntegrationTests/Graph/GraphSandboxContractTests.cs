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
        await _services.GetRequiredService<IMessengerGateway>().SendTextAsync(Main, SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello", MessengerMessagingType.Response, null, CancellationToken.None);

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

    [TestCase(FaultKind.Transient, 2, GraphFailureKind.Transient, 3)]
    [TestCase(FaultKind.Http500, null, GraphFailureKind.Transient, 3)]
    [TestCase(FaultKind.Throttle, 80005, GraphFailureKind.RateLimited, 3)]
    [TestCase(FaultKind.Throttle, 613, GraphFailureKind.RateLimited, 3)]
    [TestCase(FaultKind.TokenExpired, null, GraphFailureKind.TokenInvalid, 1)]
    [TestCase(FaultKind.PermissionMissing, null, GraphFailureKind.PermissionMissing, 1)]
    public void Each_error_class_is_retried_or_not_and_the_caller_sees_its_kind(FaultKind fault, int? code, GraphFailureKind expected, int attempts)
    {
        _sandbox.State.SetFault(new FaultRule { Route = "leadgen_forms", Kind = fault, Code = code, Permission = "pages_manage_ads", EstimatedMinutesToRegainAccess = 0 });

        var ex = Assert.ThrowsAsync<GraphApiException>(() => _services.GetRequiredService<IFacebookPageGateway>().GetLeadFormsAsync(Main, CancellationToken.None));

        Assert.That(ex!.Failure.Kind, Is.EqualTo(expected));
        Assert.That(_sandbox.State.Requests.Count(r => r.Path.EndsWith("/leadgen_forms", StringComparison.Ordinal)), Is.EqualTo(attempts));
        if (expected == GraphFailureKind.PermissionMissing)
        {
            Assert.That(ex.Failure.MissingPermission, Is.EqualTo("pages_manage_ads"));
        }
    }

    [Test]
    public void An_unknown_form_is_an_invalid_request_and_is_not_retried()
    {
        var ex = Assert.ThrowsAsync<GraphApiException>(async () =>
        {
            await foreach (var _ in _services.GetRequiredService<ILeadSource>().GetLeadPagesAsync(Main, "999999999", null, null, CancellationToken.None))
            {
            }
        });

        Assert.That(ex!.Failure.Kind, Is.EqualTo(GraphFailureKind.InvalidRequest));
        Assert.That(ex.Failure.Code, Is.EqualTo(100));
        Assert.That(_sandbox.State.Requests.Count(r => r.Path.EndsWith("/999999999/leads", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [TestCase("7009000000000002", MessengerMessagingType.Response, GraphFailureKind.OutsideMessagingWindow)]
    [TestCase("7009000000000003", MessengerMessagingType.HumanAgentTag, GraphFailureKind.OutsideMessagingWindow)]
    [TestCase("7009000000000004", MessengerMessagingType.Response, GraphFailureKind.RecipientUnavailable)]
    public void Messenger_refusals_are_not_retried_and_nothing_is_sent(string psid, MessengerMessagingType type, GraphFailureKind expected)
    {
        var ex = Assert.ThrowsAsync<GraphApiException>(() =>
            _services.GetRequiredService<IMessengerGateway>().SendTextAsync(Main, psid, "Hello", type, null, CancellationToken.None));

        Assert.That(ex!.Failure.Kind, Is.EqualTo(expected));
        Assert.That(_sandbox.State.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(_sandbox.State.SentMessages, Is.Empty);
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
