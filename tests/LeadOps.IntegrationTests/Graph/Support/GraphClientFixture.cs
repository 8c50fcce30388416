using LeadOps.Application.Common.Graph;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.GraphSandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>
/// Base for Graph transport tests: per test, a fresh Graph sandbox on loopback and a fresh client (the app's real Graph
/// client), both on one <see cref="TestClock"/>. Faults, budgets and leads are set on <see cref="SandboxFixture.Graph"/>;
/// what reached the wire is <see cref="SandboxState.Requests"/>.
/// </summary>
public abstract class GraphClientFixture : SandboxFixture
{
    /// <summary>Guards against a broken test hanging the run; no test relies on it to pass.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private TestClock _clock = null!;
    private IDictionary<string, string?>? _overrides;

    protected GraphClientHarness Client { get; private set; } = null!;

    protected TestClock Clock => Client.Clock;

    protected static GraphCredentials MainPage { get; } = new(SandboxSeed.MainPageId, SandboxSeed.MainPageToken);

    /// <summary>A second page with a valid token and every permission.</summary>
    protected static GraphCredentials OtherPage { get; } = new(SandboxSeed.NotSubscribedPageId, SandboxSeed.NotSubscribedPageToken);

    /// <summary>The sandbox's options for every test of the fixture (its clock is set by the fixture).</summary>
    protected override SandboxOptions SandboxOptions() => new() { InitialLeadsPerForm = 0 };

    /// <summary>The client's settings that differ from <see cref="GraphClientHarness"/>'s defaults.</summary>
    protected virtual IDictionary<string, string?>? Overrides() => null;

    /// <summary>A fresh sandbox and client with other settings, for a test that needs them.</summary>
    protected async Task RestartAsync(SandboxOptions? options = null, IDictionary<string, string?>? overrides = null)
    {
        _overrides = overrides ?? Overrides();
        await RestartSandboxAsync(options ?? SandboxOptions());
    }

    /// <summary>A fresh client with other settings against the same sandbox and clock.</summary>
    protected async Task<GraphClientHarness> ReplaceClientAsync(IDictionary<string, string?> overrides)
    {
        var clock = Client.Clock;
        await Client.DisposeAsync();
        Client = GraphClientHarness.Create(Sandbox, clock, overrides);
        return Client;
    }

    protected override void BeforeSandboxStarts(SandboxOptions options)
    {
        _clock = new TestClock();
        options.TimeProvider = _clock;
    }

    protected override Task AfterSandboxStartedAsync()
    {
        Client = GraphClientHarness.Create(Sandbox, _clock, _overrides ?? Overrides());
        _overrides = null;
        return Task.CompletedTask;
    }

    protected override async Task BeforeSandboxStopsAsync() => await Client.DisposeAsync();

    /// <summary>The next calls on <paramref name="route"/> get these faults, one each and in order; later calls are answered normally.</summary>
    protected void FaultsInOrder(string route, params FaultRule[] faults)
    {
        for (var i = 0; i < faults.Length; i++)
        {
            Graph.SetFault(faults[i] with { Route = route, AfterCalls = i, Times = 1 });
        }
    }

    /// <summary>The caller gets a GraphApiException — never Refit's ApiException, an HttpRequestException or a status code.</summary>
    protected static async Task<GraphApiException> CallerSeesAsync(Task call)
    {
        try
        {
            await GraphClientHarness.Within(call);
        }
        catch (Exception ex)
        {
            Assert.That(ex, Is.TypeOf<GraphApiException>());
            return (GraphApiException)ex;
        }

        Assert.Fail("The call succeeded; a GraphApiException was expected.");
        throw new InvalidOperationException();
    }

    /// <summary>A new lead on a form of the main page (or another), as if someone had just filled the form in.</summary>
    protected string NewLead(string formId = SandboxSeed.MainTestRideFormId) => Graph.SubmitLeads(formId, 1).Single();

    /// <summary>Requests that reached the sandbox for <paramref name="path"/> (without the version), e.g. "/123/leads".</summary>
    protected IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        [.. Graph.Requests.Where(r => r.Method == method && r.Path == $"/{GraphClientHarness.Version}{path}")];

    /// <summary>One query-string value of a recorded request, or null.</summary>
    protected static string? Query(RecordedRequest request, string name) =>
        QueryHelpers.ParseQuery(request.QueryString).TryGetValue(name, out var value) ? value.ToString() : null;

    protected int CountRequests(string method, string path) => RequestsTo(method, path).Count;

    /// <summary>Completes once the sandbox has received at least <paramref name="count"/> requests.</summary>
    protected async Task WaitForRequestsAsync(int count)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (Graph.Requests.Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), guard.Token);
        }
    }
}
