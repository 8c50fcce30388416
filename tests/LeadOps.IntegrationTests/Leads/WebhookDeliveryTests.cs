using Microsoft.Extensions.DependencyInjection;
using SandboxSeed = LeadOps.GraphSandbox.SandboxSeed;
using System.Collections.Concurrent;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Leads;
using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Webhooks;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Nothing vanishes on the webhook path: a lead that cannot be stored is recorded where staff look, a delivery that
/// keeps failing ends Failed (with a way to retry it), and a long delivery keeps its claim while it works. The app and
/// the sandbox share a fake clock, so leases and backoffs pass by moving it.
/// </summary>
public sealed class WebhookDeliveryTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>Lead ids whose Graph read the test controls (throws, or waits until released).</summary>
    private static readonly ConcurrentDictionary<string, Func<Task>> Interceptions = new();

    /// <summary>A form of the page that sends no webhooks of its own: every delivery here is one the test posts.</summary>
    private static readonly string Form = SandboxSeed.NotSubscribedFormId;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new() { InitialLeadsPerForm = 0 })
        .WithClock(_clock)
        .WithServices(services =>
        {
            services.RemoveAll<ILeadSource>();
            services.AddTransient<ILeadSource>(sp => new InterceptedLeadSource(ActivatorUtilities.CreateInstance<GraphLeadSource>(sp)));
        });

    [Test]
    public async Task A_webhook_lead_that_cannot_be_stored_is_recorded_as_failed_and_shown_on_the_sync_history()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        const string Unknown = "1500000099999001";

        await PostLeadgenAsync(Unknown);
        await App.DrainAsync();

        using var browser = await App.SignedInClientAsync(user);
        var history = await browser.GetStringAsync("/Leads/Runs");
        Assert.That(history, Does.Contain(Unknown).And.Contain("does not exist"), "the failed lead and its reason are where staff look");
        Assert.That(await DeliveryStatusAsync(), Is.EqualTo(WebhookDeliveryStatus.Processed), "the delivery itself was handled");
    }

    [Test]
    public async Task A_delivery_that_keeps_failing_on_an_unexpected_error_ends_failed_with_its_error()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        const string Boom = "1500000099999002";
        Interceptions[Boom] = () => throw new InvalidOperationException("a bug, not an outage");

        await PostLeadgenAsync(Boom);
        var processor = App.Services.GetRequiredService<WebhookProcessor>();
        for (var round = 0; round < 40 && await DeliveryStatusAsync() == WebhookDeliveryStatus.Pending; round++)
        {
            _clock.Advance(TimeSpan.FromHours(2));
            try
            {
                await processor.ProcessDueAsync(CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // What the worker's round would log; the delivery must still move on.
            }
        }

        var delivery = await DeliveryAsync();
        Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed), "bounded attempts, then Failed");
        Assert.That(delivery.Attempts, Is.LessThanOrEqualTo(9));
        Assert.That(delivery.LastError, Does.Contain("InvalidOperationException"));

        // Staff see it with its error on the sync history, and retry it once the cause is gone.
        Interceptions.TryRemove(Boom, out _);
        using var browser = await App.SignedInClientAsync(user);
        Assert.That(await browser.GetStringAsync("/Leads/Runs"), Does.Contain("InvalidOperationException").And.Contain("data-test=\"retry-delivery\""));
        var retried = await browser.PostFormAsync($"/Leads/Runs?handler=RetryDelivery&id={delivery.Id}", new Dictionary<string, string>(), formPage: "/Leads/Runs");
        Assert.That(retried.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));
        await processor.ProcessDueAsync(CancellationToken.None);
        await WaitForStatusAsync(WebhookDeliveryStatus.Processed);
    }

    [Test]
    public async Task A_long_delivery_renews_its_claim_so_another_node_does_not_start_it_again()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        var id = Graph.SubmitLeads(Form, 1).Single(); // the page is not subscribed: only the test's own delivery announces it
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        Interceptions[id] = async () =>
        {
            Interlocked.Increment(ref reads);
            entered.TrySetResult();
            await release.Task;
        };
        try
        {
            await PostLeadgenAsync(id);
            var processor = App.Services.GetRequiredService<WebhookProcessor>();
            var working = Task.Run(() => processor.ProcessDueAsync(CancellationToken.None));
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            for (var step = 0; step < 6; step++)
            {
                _clock.Advance(TimeSpan.FromSeconds(30));
                await WaitForLeaseBeyondAsync(_clock.GetUtcNow());
            }

            Assert.That(await processor.ProcessDueAsync(CancellationToken.None), Is.Zero, "another node finds nothing due: the claim still holds");
            Assert.That(reads, Is.EqualTo(1));
            release.SetResult();
            await working;
        }
        finally
        {
            release.TrySetResult();
            Interceptions.TryRemove(id, out _);
        }

        await WaitForStatusAsync(WebhookDeliveryStatus.Processed);
        await using var scope = App.ScopeFor(user.Id);
        Assert.That(await App.Db(scope).Leads.CountAsync(l => l.FacebookLeadId == id), Is.EqualTo(1));
    }

    private async Task PostLeadgenAsync(string leadgenId)
    {
        using var client = App.NewClient();
        var body = $$$"""{"object":"page","entry":[{"id":"{{{SandboxSeed.NotSubscribedPageId}}}","time":1,"changes":[{"field":"leadgen","value":{"leadgen_id":"{{{leadgenId}}}","page_id":"{{{SandboxSeed.NotSubscribedPageId}}}","form_id":"{{{Form}}}","created_time":1}}]}]}""";
        var response = await WebhookTests.PostSignedAsync(client, body, Graph.Options.AppSecret);
        Assert.That(response.IsSuccessStatusCode, Is.True);
    }

    /// <summary>Waits (bounded) until the latest delivery's claim reaches past <paramref name="instant"/>.</summary>
    private async Task WaitForLeaseBeyondAsync(DateTimeOffset instant)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await DeliveryAsync()).NextAttemptAt <= instant)
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, $"the claim was not renewed past {instant:HH:mm:ss}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits (bounded) for the worker that holds the latest delivery to finish it.</summary>
    private async Task WaitForStatusAsync(WebhookDeliveryStatus status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await DeliveryStatusAsync() != status)
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, $"the delivery did not become {status}");
            await Task.Delay(20);
        }
    }

    private async Task<WebhookDelivery> DeliveryAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).LastAsync();
    }

    private async Task<WebhookDeliveryStatus> DeliveryStatusAsync() => (await DeliveryAsync()).Status;

    /// <summary>The real Graph lead source, except for the lead ids a test intercepts.</summary>
    private sealed class InterceptedLeadSource(ILeadSource inner) : ILeadSource
    {
        public IAsyncEnumerable<IReadOnlyList<FacebookLeadData>> GetLeadPagesAsync(
            GraphCredentials credentials, string formId, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken) =>
            inner.GetLeadPagesAsync(credentials, formId, since, until, cancellationToken);

        public async Task<FacebookLeadData> GetLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken)
        {
            if (Interceptions.TryGetValue(leadId, out var intercept))
            {
                await intercept();
            }

            return await inner.GetLeadAsync(credentials, leadId, cancellationToken);
        }
    }
}
