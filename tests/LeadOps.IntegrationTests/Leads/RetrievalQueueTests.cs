using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Retrievals started from the Leads page run on the retrieval worker, never inside the request: "All forms of this
/// page" queues a run per form and answers at once (a form under way is named, not started), so a client that goes
/// away cannot stop a retrieval part way. The worker takes runs in turns between owners, so one user's queued forms do
/// not hold back another user's run. The Graph reads of one form are held (<see cref="LeadReads"/>) until the test
/// lets them go: what is queued meanwhile, and in which order the worker takes it, is then certain.
/// </summary>
public sealed class RetrievalQueueTests(DatabaseKind database) : AppFixture(database)
{
    private readonly LeadReads _reads = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new() { InitialLeadsPerForm = 2 })
        .WithServices(services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => _reads.Handler())));

    [TearDown]
    public void LetReadsGo() => _reads.Release();

    [Test]
    public async Task All_forms_of_a_page_are_queued_and_answered_at_once_and_their_runs_finish_after_the_request_has_ended()
    {
        var (user, integrationId) = await ConnectedUserAsync(SandboxSeed.MainPageToken);
        var underWay = await AddRunningRunAsync(user.Id, integrationId, SandboxSeed.MainServiceFormId);
        _reads.Hold(SandboxSeed.MainTestRideFormId);
        using var browser = await App.SignedInClientAsync(user);

        // The first form's leads cannot be read yet: the page must answer all the same.
        var response = await HangGuard.WaitAsync("the Leads page's answer while the first form's read is held", _ => browser.PostFormAsync(
            "/Leads?handler=Retrieve", new Dictionary<string, string> { ["Retrieve.Choice"] = $"{integrationId.ToString(CultureInfo.InvariantCulture)}:*" }, formPage: "/Leads"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith("/Leads/Runs"));
        var runs = await RunsAsync(user.Id);
        Assert.That(runs.Where(r => r.Id != underWay).Select(r => r.FormId), Is.EquivalentTo(new[] { SandboxSeed.MainTestRideFormId, SandboxSeed.MainArchivedFormId }),
            "one run queued per form, none for the form already under way");
        Assert.That(runs.Single(r => r.FormId == SandboxSeed.MainTestRideFormId).Outcome, Is.EqualTo(RetrievalOutcome.Running), "its read is held: not finished");
        var notice = WebUtility.HtmlDecode(await browser.GetStringAsync("/Leads/Runs"));
        Assert.That(notice, Does.Contain("2 runs queued"));
        Assert.That(notice, Does.Contain($"A retrieval of this form is already under way: run {underWay} has not finished yet"));

        // The request has ended (the client may be gone): the worker still reads every queued form to the end.
        await _reads.EnteredAsync();
        _reads.Release();
        await HangGuard.UntilAsync("every queued run to finish", async _ => (await RunsAsync(user.Id)).Count(r => r.Outcome != RetrievalOutcome.Running) == 2);
        var finished = await RunsAsync(user.Id);
        Assert.That(finished.Where(r => r.Id != underWay).Select(r => r.Outcome), Is.All.EqualTo(RetrievalOutcome.Succeeded), string.Join(", ", finished.Select(r => r.Error)));
        Assert.That(finished.Single(r => r.Id == underWay).Outcome, Is.EqualTo(RetrievalOutcome.Running), "the run under way was left alone");
    }

    [Test]
    public async Task One_users_queued_forms_do_not_hold_back_another_users_run()
    {
        var (first, firstIntegration) = await ConnectedUserAsync(SandboxSeed.MainPageToken);
        var (second, secondIntegration) = await ConnectedUserAsync(SandboxSeed.NotSubscribedPageToken);
        using var firstBrowser = await App.SignedInClientAsync(first);
        using var secondBrowser = await App.SignedInClientAsync(second);
        _reads.Hold(SandboxSeed.MainTestRideFormId);

        // The first user's run is being read (held), and two more of theirs wait; then the second user starts one.
        await StartAsync(firstBrowser, firstIntegration, SandboxSeed.MainTestRideFormId);
        await _reads.EnteredAsync();
        await StartAsync(firstBrowser, firstIntegration, SandboxSeed.MainServiceFormId);
        await StartAsync(firstBrowser, firstIntegration, SandboxSeed.MainArchivedFormId);
        await StartAsync(secondBrowser, secondIntegration, SandboxSeed.NotSubscribedFormId);
        _reads.Release();
        await HangGuard.UntilAsync("every run to finish", async _ =>
            (await RunsAsync(first.Id)).All(r => r.Outcome != RetrievalOutcome.Running) && (await RunsAsync(second.Id)).All(r => r.Outcome != RetrievalOutcome.Running));

        Assert.That(_reads.Order, Is.EqualTo(new[]
        {
            SandboxSeed.MainTestRideFormId, SandboxSeed.NotSubscribedFormId, SandboxSeed.MainServiceFormId, SandboxSeed.MainArchivedFormId,
        }), "the second user's run is taken right after the run under way, before the first user's later ones");
    }

    private static async Task StartAsync(HttpClient browser, int integrationId, string form)
    {
        var fields = new Dictionary<string, string>
        {
            ["Retrieve.FormId"] = form,
            ["Retrieve.IntegrationId"] = integrationId.ToString(CultureInfo.InvariantCulture),
            ["Retrieve.Welcome"] = "none",
        };
        var response = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
    }

    private async Task<(TestUser User, int IntegrationId)> ConnectedUserAsync(string pageToken)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        return (user, (await IntegrationsApiTests.ConnectAsync(api, pageToken)).GetProperty("id").GetInt32());
    }

    private async Task<List<RetrievalRun>> RunsAsync(string userId)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).RetrievalRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<long> AddRunningRunAsync(string userId, int integrationId, string form)
    {
        await using var scope = App.ScopeFor(userId);
        var db = App.Db(scope);
        var run = RetrievalRun.Start(integrationId, form, DateTimeOffset.UtcNow);
        db.RetrievalRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>
    /// Sees the app's Graph reads of lead forms: notes the order in which forms are first read, and holds the reads of one
    /// form until released.
    /// </summary>
    private sealed class LeadReads
    {
        private readonly ConcurrentQueue<string> _order = new();
        private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _held;

        public IReadOnlyList<string> Order => [.. _order.Distinct()];

        public void Hold(string form)
        {
            _order.Clear();
            _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = form;
        }

        public void Release()
        {
            _held = null;
            _released.TrySetResult();
        }

        public Task EnteredAsync() => HangGuard.WaitAsync("the held form's read to start", _ => _entered.Task);

        public DelegatingHandler Handler() => new Hook(this);

        private sealed class Hook(LeadReads reads) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var path = request.RequestUri!.AbsolutePath;
                if (path.EndsWith("/leads", StringComparison.Ordinal))
                {
                    var form = path.Split('/')[^2];
                    reads._order.Enqueue(form);
                    if (form == reads._held)
                    {
                        reads._entered.TrySetResult();
                        await reads._released.Task.WaitAsync(cancellationToken);
                    }
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
