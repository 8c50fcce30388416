using System.Globalization;
using LeadOps.Application.Common;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Welcome;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Welcome;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>
/// The app with a real SMTP server on loopback, the Graph sandbox, a fake clock (for backoff and leases) and the
/// welcome channel wrapped so a test can step in around a send. The hosted worker is off: tests drive passes with
/// <see cref="WelcomeOutboxWorker.ProcessDueAsync"/>, on as many worker instances as they like.
/// </summary>
public abstract class WelcomeFixture(DatabaseKind database) : AppFixture(database)
{
    public const int MaxAttempts = 3;
    public const string PageName = "Lisbon Bikes";

    protected SmtpSink Smtp => App.Smtp;

    /// <summary>Starts now, on a whole millisecond: SQLite stores times to the millisecond.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    protected HookedWelcomeChannel Channel => App.Services.GetRequiredService<HookedWelcomeChannel>();

    protected static TimeSpan Lease => new WelcomeOptions().ClaimLease;

    protected static TimeSpan FirstRetryDelay => new WelcomeOptions().FirstRetryDelay;

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSmtp()
        .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 4 })
        .WithClock(Clock)
        .WithSetting("Welcome:WorkerEnabled", "false")
        // The sandbox's seeded leads are up to 60 days old; these tests are about delivering welcomes, not the age
        // rule that skips history (WelcomeAgeRuleTests): every seeded lead counts as fresh here.
        .WithSetting("Welcome:MaxLeadAge", "90.00:00:00")
        .WithSetting("Welcome:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture))
        .WithServices(services =>
        {
            services.AddSingleton(sp => new HookedWelcomeChannel(sp.GetRequiredService<SmtpWelcomeChannel>()));
            services.AddSingleton<IWelcomeChannel>(sp => sp.GetRequiredService<HookedWelcomeChannel>());
        });

    /// <summary>Each test starts with the mail server up, no hooks, and nothing left due from an earlier test.</summary>
    [SetUp]
    public async Task QuietOutboxAsync()
    {
        Channel.Reset();
        await Smtp.StartAsync();
        Clock.Advance(TimeSpan.FromHours(2));
        await DrainAsync();
    }

    private protected WelcomeOutboxWorker NewWorker() => ActivatorUtilities.CreateInstance<WelcomeOutboxWorker>(App.Services);

    /// <summary>Passes until one finds nothing due (bounded); returns how many messages were handled.</summary>
    private protected async Task<int> DrainAsync(WelcomeOutboxWorker? worker = null)
    {
        worker ??= NewWorker();
        var total = 0;
        for (var pass = 0; pass < 20; pass++)
        {
            var handled = await worker.ProcessDueAsync(CancellationToken.None);
            if (handled == 0)
            {
                return total;
            }

            total += handled;
        }

        Assert.Fail("The outbox did not drain in 20 passes.");
        return total;
    }

    protected static string NewEmail() => $"lead-{Guid.NewGuid():N}@example.test";

    /// <summary>An integration of the user's, stored as the Integrations page would store it.</summary>
    protected async Task<int> CreateIntegrationAsync(
        TestUser owner,
        bool welcomeEnabled = true,
        string subject = "Thanks for your interest, {first_name}!",
        string body = "Hi {first_name},\n\nThank you for filling in {form_name}.\n\nBest regards,\n{page_name}")
    {
        await using var scope = App.ScopeFor(owner.Id);
        var integration = new Integration
        {
            Name = "Main page",
            PageId = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageName = PageName,
            ProtectedToken = "not-used-here",
            TokenLast4 = "abcd",
            CreatedAt = Clock.GetUtcNow(),
            WelcomeEnabled = welcomeEnabled,
            WelcomeSubject = subject,
            WelcomeBody = body,
        };
        scope.ServiceProvider.GetRequiredService<IIntegrationRepository>().Add(integration);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return integration.Id;
    }

    /// <summary>A new lead stored through the lead repository, which writes its welcome outbox row in the same save.</summary>
    protected async Task<long> CreateLeadAsync(
        TestUser owner,
        int? integrationId,
        string? email,
        string? firstName = "Ana",
        string? fullName = "Ana Silva",
        string? formName = "Test ride")
    {
        await using var scope = App.ScopeFor(owner.Id);
        var now = Clock.GetUtcNow();
        var lead = new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            IntegrationId = integrationId,
            PageId = "108240000000001",
            FormId = "206170000000011",
            FormName = formName,
            FirstName = firstName,
            FullName = fullName,
            Email = email,
            CreatedTime = now,
            FirstSeenAt = now,
            Source = LeadSource.Webhook,
        };
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(1));

        // A welcome already queued (as an older rule may have left it), whatever the lead: delivery decides again.
        var db = App.Db(scope);
        db.Attach(lead);
        db.OutboxMessages.Add(OutboxMessage.WelcomeFor(lead, now));
        await db.SaveChangesAsync();
        return lead.Id;
    }

    /// <summary>The lead's welcome outbox row with the lead, read fresh as its owner.</summary>
    protected async Task<OutboxMessage> WelcomeOfAsync(TestUser owner, long leadId)
    {
        await using var scope = App.ScopeFor(owner.Id);
        return await App.Db(scope).OutboxMessages.AsNoTracking().Include(o => o.Lead).SingleAsync(o => o.LeadId == leadId);
    }

    /// <summary>Sends a command as the user, as a page or a job would.</summary>
    protected Task<TResponse> SendAsync<TResponse>(TestUser owner, Mediator.ICommand<TResponse> command) => App.SendAsync(owner, command);

    protected Task<TResponse> QueryAsync<TResponse>(TestUser owner, Mediator.IQuery<TResponse> query) => App.SendAsync(owner, query);
}

/// <summary>The real channel with optional steps around each send, to play a crash or hold a worker mid-send.</summary>
public sealed class HookedWelcomeChannel(IWelcomeChannel inner) : IWelcomeChannel
{
    /// <summary>Runs after the real send; may replace the result the worker sees, or throw to play a crash.</summary>
    public Func<WelcomeMessage, WelcomeSendResult, CancellationToken, Task<WelcomeSendResult>>? AfterSend { get; set; }

    public string? Unreachable(WelcomeRecipient to) => inner.Unreachable(to);

    public async Task<WelcomeSendResult> SendAsync(WelcomeMessage message, CancellationToken cancellationToken)
    {
        var result = await inner.SendAsync(message, cancellationToken);
        return AfterSend is { } after ? await after(message, result, cancellationToken) : result;
    }

    public void Reset() => AfterSend = null;
}
