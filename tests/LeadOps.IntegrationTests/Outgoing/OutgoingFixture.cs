using System.Globalization;
using System.Net.Http.Json;
using LeadOps.Application.Common;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;
using LeadOps.Infrastructure.Outgoing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// The app with a real SMTP server and a fake clock (backoff, digest hours); the outgoing worker's hosted loop is off,
/// tests drive its passes. Loopback http endpoints are allowed (<c>OutgoingWebhooks:AllowLoopbackHttp</c>) so a real
/// Kestrel receiver on 127.0.0.1 can play the user's endpoint.
/// </summary>
public abstract class OutgoingFixture(DatabaseKind database) : AppFixture(database)
{
    public const int PauseAfter = 3;

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSmtp()
        .WithClock(Clock)
        .WithSetting("Welcome:WorkerEnabled", "false")
        .WithSetting("OutgoingWebhooks:WorkerEnabled", "false")
        .WithSetting("OutgoingWebhooks:AllowLoopbackHttp", "true")
        .WithSetting("OutgoingWebhooks:PauseAfterFailures", PauseAfter.ToString(CultureInfo.InvariantCulture))
        .WithSetting("OutgoingWebhooks:MaxAttempts", "10");

    [SetUp]
    public async Task StartMailAsync() => await App.Smtp.StartAsync();

    /// <summary>Passes of the outgoing worker until one finds nothing due (bounded).</summary>
    private protected async Task DrainAsync()
    {
        var worker = App.Services.GetRequiredService<OutgoingWorker>();
        for (var pass = 0; pass < 20; pass++)
        {
            if (await worker.ProcessDueAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }

        Assert.Fail("The outgoing worker did not drain in 20 passes.");
    }

    /// <summary>The integration's alert settings, as staff set them through the API.</summary>
    protected async Task SetAlertsAsync(TestUser user, int integrationId, string leads, bool escalations = true)
    {
        var response = await App.ApiClient(user).PutAsJsonAsync($"/api/integrations/{integrationId}/alerts", new { leads, escalations });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    protected async Task<int> CreateIntegrationAsync(TestUser owner)
    {
        await using var scope = App.ScopeFor(owner.Id);
        var integration = new Integration
        {
            Name = "Lisbon Bikes page",
            PageId = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageName = "Lisbon Bikes",
            ProtectedToken = "not-used-here",
            TokenLast4 = "abcd",
            CreatedAt = Clock.GetUtcNow(),
        };
        scope.ServiceProvider.GetRequiredService<IIntegrationRepository>().Add(integration);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return integration.Id;
    }

    /// <summary>A new lead stored as retrieval stores one: planned (which raises LeadCreated) and inserted.</summary>
    protected async Task<long> CreateLeadAsync(TestUser owner, int? integrationId, string fullName)
    {
        await using var scope = App.ScopeFor(owner.Id);
        var now = Clock.GetUtcNow();
        var lead = new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            IntegrationId = integrationId,
            PageId = "108240000000001",
            FormId = "206170000000011",
            FormName = "Test ride",
            FullName = fullName,
            Email = $"lead-{Guid.NewGuid():N}@example.test",
            CreatedTime = now,
            FirstSeenAt = now,
            Source = LeadSource.Webhook,
            AnswersJson = "[{\"name\":\"bike_size\",\"values\":[\"m\"]}]",
            ConsentsJson = "[{\"key\":\"optional_1\",\"checked\":true}]",
            AdName = "Spring ride",
        };
        lead.PlanWelcome(integrationSendsWelcomes: false);
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(1));
        return lead.Id;
    }
}
