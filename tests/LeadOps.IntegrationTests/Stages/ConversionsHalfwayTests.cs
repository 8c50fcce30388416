using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Conversions;
using LeadOps.Application.Leads.Queries;
using LeadOps.Application.Leads.Stages.Queries;
using LeadOps.Domain.Leads.Conversions;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Conversions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Stages;

/// <summary>
/// A Conversions API event whose attempts keep stopping halfway (Meta took it, the outcome was not saved) is not sent to
/// Meta after every lease for ever: once the attempts are used it is Failed, where staff see it.
/// </summary>
public sealed class ConversionsHalfwayTests(DatabaseKind database) : AppFixture(database)
{
    private const int MaxAttempts = 3;
    private const string Form = SandboxSeed.MainServiceFormId;

    private FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    private StoppingConversionsGateway Gateway => App.Services.GetRequiredService<StoppingConversionsGateway>();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 1 })
        .WithClock(Clock)
        .WithSetting("Conversions:WorkerEnabled", "false")
        .WithSetting("Conversions:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithServices(services =>
        {
            var graph = services.Last(d => d.ServiceType == typeof(IConversionsGateway));
            services.AddSingleton(sp => new StoppingConversionsGateway(sp, graph.ImplementationType!));
            services.AddTransient<IConversionsGateway>(sp => sp.GetRequiredService<StoppingConversionsGateway>());
        });

    [Test]
    public async Task An_event_whose_outcome_is_never_recorded_stops_after_the_configured_attempts_and_is_failed_for_staff()
    {
        var seen = Graph.ConversionEvents.Count;

        // Meta takes each attempt; then the worker stops on an error LeadOps does not expect, before saving the outcome.
        Gateway.StopAfterSend = true;
        var (user, lead) = await LeadWithDatasetAsync();

        var worker = App.Services.GetRequiredService<ConversionsOutboxWorker>();
        for (var lease = 0; lease < MaxAttempts + 3; lease++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
            Clock.Advance(new ConversionsOptions().ClaimLease);
        }

        var sent = Graph.ConversionEvents.Skip(seen).Where(e => e.LeadId == lead.FacebookLeadId).ToList();
        var shown = (await App.SendAsync(user, new GetLeadWorkspace(lead.Id))).Value!.Conversions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent, Has.Count.EqualTo(MaxAttempts), "sent no more than the configured attempts");
            Assert.That(shown.Status, Is.EqualTo(ConversionEventStatus.Failed), "given up on, where staff see it");
            Assert.That(shown.Error, Does.Contain($"{MaxAttempts} attempts").And.Contain("may already have"));
        }

        Gateway.StopAfterSend = false;
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await worker.ProcessDueAsync(CancellationToken.None), Is.Zero, "a failed event is not sent again");
    }

    [Test]
    public async Task An_event_past_a_lowered_limit_is_failed_saying_its_attempts_failed_not_that_meta_may_have_it()
    {
        var seen = Graph.ConversionEvents.Count;

        // Two attempts, each recorded as failed: Meta answers "an unknown error" (an outage, not repeated by the client).
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Events, Kind = FaultKind.Transient, Code = 1, Times = 2 });
        var (user, lead) = await LeadWithDatasetAsync();
        var worker = App.Services.GetRequiredService<ConversionsOutboxWorker>();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.That((await App.SendAsync(user, new GetLeadWorkspace(lead.Id))).Value!.Conversions.Single().Attempts, Is.EqualTo(2));

        // The app starts again with Conversions:MaxAttempts lowered below the attempts the event has had.
        await using var lowered = await TestApp.Create(Database).OnDatabase(App.ConnectionString).WithSharedSandbox(App.Sandbox).WithClock(Clock)
            .WithSetting("Conversions:WorkerEnabled", "false")
            .WithSetting("Conversions:MaxAttempts", "1")
            .StartAsync();
        await lowered.Services.GetRequiredService<ConversionsOutboxWorker>().ProcessDueAsync(CancellationToken.None);

        var shown = (await App.SendAsync(user, new GetLeadWorkspace(lead.Id))).Value!.Conversions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.Status, Is.EqualTo(ConversionEventStatus.Failed));
            Assert.That(shown.Attempts, Is.EqualTo(2));
            Assert.That(shown.Error, Does.StartWith("Not sent again after 2 attempts: the limit is now 1.")
                .And.Contain("code 1")
                .And.Not.Contain("may already have"));
            Assert.That(shown.FbTraceId, Is.Not.Null, "the failure it quotes keeps Meta's trace id");
            Assert.That(Graph.ConversionEvents.Skip(seen).Where(e => e.LeadId == lead.FacebookLeadId), Is.Empty, "nothing reached Meta");
        }
    }

    /// <summary>A new user whose integration has the dataset linked, and the lead retrieved from the form (its entry is queued).</summary>
    private async Task<(TestUser User, LeadListItem Lead)> LeadWithDatasetAsync()
    {
        var user = await App.NewUserAsync();
        var connected = await App.SendAsync(user, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        var integration = connected.Value!.Id;
        var linked = await App.SendAsync(user, new LinkConversionsDataset(integration, SandboxSeed.DatasetId, SandboxSeed.DatasetToken, null));
        Assert.That(linked.IsSuccess, Is.True, linked.Error);
        var retrieved = await App.SendAsync(user, new RetrieveFacebookLeads(integration, Form));
        Assert.That(retrieved.IsSuccess, Is.True, retrieved.Error);
        return (user, (await App.SendAsync(user, new ListLeads(new LeadFilter(FormId: Form)))).Items.Single());
    }
}

/// <summary>The app's own Conversions gateway, optionally stopping on an unexpected error after Meta took the event.</summary>
public sealed class StoppingConversionsGateway(IServiceProvider services, Type graphGateway) : IConversionsGateway
{
    public bool StopAfterSend { get; set; }

    public async Task<ConversionsAnswer> SendAsync(string datasetId, string accessToken, ConversionRequest request, CancellationToken cancellationToken)
    {
        var inner = (IConversionsGateway)ActivatorUtilities.CreateInstance(services, graphGateway);
        var answer = await inner.SendAsync(datasetId, accessToken, request, cancellationToken);
        return StopAfterSend ? throw new InvalidOperationException("the outcome could not be recorded") : answer;
    }
}
