using System.Data.Common;
using System.Globalization;
using System.Net;
using LeadOps.Application.Leads.Commands;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The Leads page starts no second retrieval of a form whose run is still under way (the runs share one queue, so
/// repeated posts would hold back every user's retrievals); it says so beside the form and starts nothing. A run
/// whose process went quiet does not hold the form. The rule holds in the database: two starts at the same moment
/// start one run, and the schedule skips a form under way (saying so on the sync history) and holds its own.
/// Started runs stay queued (<see cref="HeldQueue"/>): a run under way stays under way until the test ends it.
/// </summary>
public sealed class OneRunPerFormTests(DatabaseKind database) : AppFixture(database)
{
    private readonly BeforeRunIsWritten _beforeRunIsWritten = new();
    private readonly BeforeLeadsAreRead _beforeLeadsAreRead = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new() { InitialLeadsPerForm = 0 })
        .WithServices(services =>
        {
            services.AddSingleton<IRetrievalQueue, HeldQueue>();
            services.ConfigureDbContext<SqliteLeadOpsDbContext>(o => o.AddInterceptors(_beforeRunIsWritten));
            services.ConfigureDbContext<SqlServerLeadOpsDbContext>(o => o.AddInterceptors(_beforeRunIsWritten));
            services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => _beforeLeadsAreRead.Handler()));
        });

    [Test]
    public async Task Two_starts_of_the_same_form_at_the_same_moment_start_one_run()
    {
        var (user, integrationId, form) = await ConnectedUserAsync();
        using var first = await App.SignedInClientAsync(user);
        using var second = await App.SignedInClientAsync(user);
        var fields = RetrieveFields(integrationId, form, welcome: "none");
        HttpResponseMessage? secondResponse = null;

        // The first start has decided and is about to write its run: the second start runs from beginning to end now.
        _beforeRunIsWritten.Arm(async () => secondResponse = await second.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads"));
        var firstResponse = await first.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(_beforeRunIsWritten.Ran, Is.True, "the second start ran between the first one's decision and its write");
        Assert.That(secondResponse!.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the second start, which wrote first, started its run");
        var started = long.Parse(secondResponse.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the first start found the form taken when it wrote");
        Assert.That(WebUtility.HtmlDecode(await firstResponse.Content.ReadAsStringAsync()), Does.Contain($"A retrieval of this form is already under way: run {started} has not finished yet"));
        Assert.That(await RunIdsAsync(user.Id, form), Is.EqualTo(new[] { started }), "exactly one run started");
    }

    [Test]
    public async Task The_briefs_synchronous_endpoint_waits_for_a_run_under_way_and_then_retrieves()
    {
        var (user, integrationId, form) = await ConnectedUserAsync();
        var underWay = await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow);
        using var api = App.ApiClient(user);
        var firstTry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _beforeRunIsWritten.Arm(() =>
        {
            firstTry.TrySetResult();
            return Task.CompletedTask;
        });

        // The endpoint's first try finds the form taken (the run under way is still Running); then that run ends.
        var posting = api.PostAsync("/api/facebook-lead-retrieval", new StringContent(
            $"{{\"form_id\":\"{form}\",\"integration_id\":{integrationId}}}", System.Text.Encoding.UTF8, "application/json"));
        await firstTry.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await FinishAsync(user.Id, underWay);
        using var response = await posting;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await RunIdsAsync(user.Id, form), Has.Length.EqualTo(2), "the run that was under way, then the endpoint's own");
    }

    [Test]
    public async Task The_refusal_comes_before_the_preview_so_staff_are_not_asked_to_confirm_a_retrieval_that_cannot_start()
    {
        var (user, integrationId, form) = await ConnectedUserAsync();
        Graph.SubmitLead(form, new SandboxLead
        {
            CreatedTime = DateTimeOffset.UtcNow.AddMinutes(-30),
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Fresh Lead"], ["email"] = ["fresh@example.test"] },
        });
        var underWay = await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow);
        using var browser = await App.SignedInClientAsync(user);

        var asked = await browser.PostFormAsync("/Leads?handler=Retrieve", RetrieveFields(integrationId, form, welcome: null), formPage: "/Leads");

        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no redirect to a preview of one welcome e-mail to confirm");
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.That(html, Does.Contain($"A retrieval of this form is already under way: run {underWay} has not finished yet"));
        Assert.That(await RunIdsAsync(user.Id, form), Is.EqualTo(new[] { underWay }), "nothing started");
    }

    [Test]
    public async Task The_schedule_skips_a_form_under_way_says_so_on_the_sync_history_and_moves_no_watermark_then_syncs_it_once_it_has_finished()
    {
        var (user, integrationId, form) = await ConnectedUserAsync();
        Graph.AddLeads(form, 3);
        var underWay = await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow);
        var scheduler = App.Services.GetRequiredService<ScheduledRetrieval>();

        await scheduler.RunDueAsync(CancellationToken.None);
        await scheduler.RunDueAsync(CancellationToken.None);

        var skipped = (await RunsAsync(user.Id, form)).Where(r => r.Id != underWay).ToList();
        Assert.That(skipped, Has.Count.EqualTo(1), "one note per run under way, however many passes find it");
        Assert.Multiple(() =>
        {
            Assert.That(skipped[0].Outcome, Is.EqualTo(RetrievalOutcome.Skipped));
            Assert.That(skipped[0].Trigger, Is.EqualTo(RetrievalTrigger.Scheduled));
            Assert.That(skipped[0].Error, Is.Null, "not a failure");
            Assert.That(skipped[0].Warning, Does.Contain($"run {underWay} of this form was still under way"));
        });
        Assert.That(await FormAsync(user.Id, form), Has.Property(nameof(Domain.Integrations.IntegrationForm.Watermark)).Null
            .And.Property(nameof(Domain.Integrations.IntegrationForm.LastSyncedAt)).Null, "the form was not synced");
        Assert.That(await LeadCountAsync(user.Id, form), Is.Zero, "the schedule read nothing of the form");
        using var browser = await App.SignedInClientAsync(user);
        Assert.That(WebUtility.HtmlDecode(await browser.GetStringAsync("/Leads/Runs")), Does.Contain($"Skipped: run {underWay} of this form was still under way"));

        await FinishAsync(user.Id, underWay);
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.That((await RunsAsync(user.Id, form)).Where(r => r.Trigger == RetrievalTrigger.Scheduled).Select(r => r.Outcome),
            Is.EqualTo(new[] { RetrievalOutcome.Skipped, RetrievalOutcome.Succeeded }), "the form is synced once the run has finished");
        Assert.That(await LeadCountAsync(user.Id, form), Is.GreaterThanOrEqualTo(3), "the sandbox's form is shared by the fixture's users: at least this test's leads");
        Assert.That((await FormAsync(user.Id, form)).Watermark, Is.Not.Null);
    }

    [Test]
    public async Task A_scheduled_run_holds_its_form_while_it_reads_it_so_a_start_from_the_leads_page_is_refused_meanwhile()
    {
        var (user, integrationId, form) = await ConnectedUserAsync();
        Graph.AddLeads(form, 2);
        using var browser = await App.SignedInClientAsync(user);
        HttpResponseMessage? manual = null;
        // Other users of the fixture hold the same page: only this user's scheduled run reading the form sets it off.
        _beforeLeadsAreRead.Arm(
            form,
            async () => (await RunsAsync(user.Id, form)).Any(r => r is { Trigger: RetrievalTrigger.Scheduled, Outcome: RetrievalOutcome.Running }),
            async () => manual = await browser.PostFormAsync("/Leads?handler=Retrieve", RetrieveFields(integrationId, form, welcome: "none"), formPage: "/Leads"));

        await App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

        Assert.That(manual, Is.Not.Null, "the page asked while the scheduled run was reading the form");
        var scheduled = (await RunsAsync(user.Id, form)).Single();
        Assert.That(scheduled.Trigger, Is.EqualTo(RetrievalTrigger.Scheduled));
        Assert.That(scheduled.Outcome, Is.EqualTo(RetrievalOutcome.Succeeded));
        Assert.That(manual!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await manual.Content.ReadAsStringAsync()), Does.Contain($"A retrieval of this form is already under way: run {scheduled.Id} has not finished yet"));
        Assert.That(await LeadCountAsync(user.Id, form), Is.GreaterThanOrEqualTo(2), "the scheduled run read the form (shared by the fixture's users)");
    }

    [Test]
    public async Task A_form_with_a_run_under_way_is_not_started_again_and_a_quiet_run_does_not_hold_it()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];
        var underWay = await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow);
        using var browser = await App.SignedInClientAsync(user);
        var fields = new Dictionary<string, string>
        {
            ["Retrieve.FormId"] = form,
            ["Retrieve.IntegrationId"] = integrationId.ToString(CultureInfo.InvariantCulture),
            ["Retrieve.Welcome"] = "none",
        };

        var refused = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), Does.Contain($"A retrieval of this form is already under way: run {underWay} has not finished yet"));
        Assert.That(await RunCountAsync(user.Id), Is.EqualTo(1), "nothing started");

        await FinishAsync(user.Id, underWay);
        await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow - RetrievalRun.QuietLimit - TimeSpan.FromMinutes(1));
        var started = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a quiet run (its process stopped) holds nothing");
        Assert.That(await RunCountAsync(user.Id), Is.EqualTo(3));
    }

    private async Task<(TestUser User, int IntegrationId, string Form)> ConnectedUserAsync()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        return (user, integrationId, SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0]);
    }

    private static Dictionary<string, string> RetrieveFields(int integrationId, string form, string? welcome)
    {
        var fields = new Dictionary<string, string>
        {
            ["Retrieve.FormId"] = form,
            ["Retrieve.IntegrationId"] = integrationId.ToString(CultureInfo.InvariantCulture),
        };
        if (welcome is not null)
        {
            fields["Retrieve.Welcome"] = welcome;
        }

        return fields;
    }

    private async Task<List<RetrievalRun>> RunsAsync(string userId, string form)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).RetrievalRuns.AsNoTracking().Where(r => r.FormId == form).OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<long[]> RunIdsAsync(string userId, string form) => [.. (await RunsAsync(userId, form)).Select(r => r.Id)];

    private async Task<Domain.Integrations.IntegrationForm> FormAsync(string userId, string form)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).IntegrationForms.AsNoTracking().SingleAsync(f => f.FormId == form);
    }

    private async Task<int> LeadCountAsync(string userId, string form)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).Leads.CountAsync(l => l.FormId == form);
    }

    private async Task<long> AddRunningRunAsync(string userId, int integrationId, string form, DateTimeOffset at)
    {
        await using var scope = App.ScopeFor(userId);
        var db = App.Db(scope);
        var run = RetrievalRun.Start(integrationId, form, at);
        db.RetrievalRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private async Task FinishAsync(string userId, long runId)
    {
        await using var scope = App.ScopeFor(userId);
        var db = App.Db(scope);
        (await db.RetrievalRuns.SingleAsync(r => r.Id == runId)).Finish(DateTimeOffset.UtcNow, null, "[]");
        await db.SaveChangesAsync();
    }

    private async Task<int> RunCountAsync(string userId)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).RetrievalRuns.CountAsync();
    }

    /// <summary>Keeps every started run queued: under way (Running, heartbeat as stored) until the test ends it.</summary>
    private sealed class HeldQueue : IRetrievalQueue
    {
        public void Enqueue(string ownerId, RetrieveFacebookLeads command)
        {
        }
    }

    /// <summary>
    /// Once armed, runs its work once, just before a context first writes a retrieval run: before the transaction of a
    /// save that adds one begins, or before the insert itself when the save needs none. Whatever decided that the form
    /// was free has been decided by then.
    /// </summary>
    private sealed class BeforeRunIsWritten : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private Func<Task>? _between;

        public bool Ran { get; private set; }

        public void Arm(Func<Task> between)
        {
            Ran = false;
            _between = between;
        }

        public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.ChangeTracker.Entries<RetrievalRun>().Any(e => e.State == EntityState.Added) == true)
            {
                await RunOnceAsync();
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (WritesRun(command))
            {
                await RunOnceAsync();
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (WritesRun(command))
            {
                await RunOnceAsync();
            }

            return result;
        }

        private static bool WritesRun(DbCommand command) =>
            command.CommandText.Contains("INSERT INTO \"RetrievalRuns\"", StringComparison.Ordinal) ||
            command.CommandText.Contains("INSERT INTO [RetrievalRuns]", StringComparison.Ordinal) ||
            command.CommandText.Contains("MERGE [RetrievalRuns]", StringComparison.Ordinal);

        private async Task RunOnceAsync()
        {
            if (Interlocked.Exchange(ref _between, null) is { } between)
            {
                Ran = true;
                await between();
            }
        }
    }

    /// <summary>
    /// Once armed for a form, runs its work once, just before the first Graph request for that form's leads made while
    /// <c>ready</c> says so.
    /// </summary>
    private sealed class BeforeLeadsAreRead
    {
        private string? _form;
        private Func<Task<bool>> _ready = () => Task.FromResult(false);
        private Func<Task>? _before;

        public void Arm(string form, Func<Task<bool>> ready, Func<Task> before)
        {
            _form = form;
            _ready = ready;
            _before = before;
        }

        public DelegatingHandler Handler() => new Hook(this);

        private sealed class Hook(BeforeLeadsAreRead owner) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (owner._form is { } form && owner._before is not null && request.RequestUri!.AbsolutePath.EndsWith($"/{form}/leads", StringComparison.Ordinal) &&
                    await owner._ready() && Interlocked.Exchange(ref owner._before, null) is { } before)
                {
                    await before();
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
