using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using LeadOps.Application.Common.Security;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DeliveryStatus = LeadOps.Domain.Common.WebhookDeliveryStatus;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A delivery's events go to every integration of their page, each as its owner. One integration whose event fails in
/// a way no retry of Graph explains must not cost the other owners their leads: they are stored on the first attempt,
/// and only the delivery's retry is left for the one that failed.
/// </summary>
public sealed class WebhookOwnerIsolationTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FailingOwner _failing = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithServices(services =>
    {
        // The leads of one owner cannot be stored (a fault of that owner's data, a bug): the rest of the app is real.
        var real = services.Last(d => d.ServiceType == typeof(ILeadRepository));
        services.AddScoped<ILeadRepository>(sp =>
        {
            var inner = (ILeadRepository)(real.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!));
            var proxy = DispatchProxy.Create<ILeadRepository, InsertThatFails>();
            ((InsertThatFails)(object)proxy).Use(inner, sp.GetRequiredService<ICurrentUser>(), _failing);
            return proxy;
        });
    });

    /// <summary>The tests share one app and one page: no owner of an earlier test keeps failing.</summary>
    [SetUp]
    public void NobodyFails() => (_failing.UserId, _failing.LeadId) = (null, null);

    [Test]
    public async Task An_integration_whose_event_fails_does_not_keep_the_same_pages_other_owner_from_its_lead()
    {
        var failing = await App.NewUserAsync();
        var working = await App.NewUserAsync();
        using var failingApi = App.ApiClient(failing);
        using var workingApi = App.ApiClient(working);
        // Connected first, so it is routed to first (oldest integration first).
        await IntegrationsApiTests.ConnectAsync(failingApi, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(workingApi, SandboxSeed.MainPageToken);
        _failing.UserId = failing.Id;

        var leadId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        var delivery = await FirstAttemptAsync(leadId);

        var stored = (await workingApi.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Contain(leadId), "the other owner's lead is stored on the first attempt");
            Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Pending), "the delivery is tried again for the integration that failed");
            Assert.That(delivery.LastError, Does.Contain(nameof(InvalidOperationException)));
        });
    }

    [Test]
    public async Task An_owner_whose_event_failed_gets_its_later_events_of_the_delivery_only_on_the_retry_after_it()
    {
        var failing = await App.NewUserAsync();
        var working = await App.NewUserAsync();
        using var failingApi = App.ApiClient(failing);
        using var workingApi = App.ApiClient(working);
        await IntegrationsApiTests.ConnectAsync(failingApi, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(workingApi, SandboxSeed.MainPageToken);
        // Two leads whose own webhooks never arrive: one delivery announces both, the first one first.
        Graph.Options.WebhookDropRate = 1;
        var leadIds = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 2);
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        (_failing.UserId, _failing.LeadId) = (failing.Id, leadIds[0]);
        await PostLeadgenAsync([.. leadIds.Select(id => (SandboxSeed.MainPageId, SandboxSeed.MainTestRideFormId, id))]);

        var delivery = await FirstAttemptAsync(leadIds[1]);

        Assert.Multiple(async () =>
        {
            Assert.That(await LeadIdsAsync(workingApi), Is.SupersetOf(leadIds), "the other owner gets both leads on the first attempt");
            Assert.That(await LeadIdsAsync(failingApi), Does.Not.Contain(leadIds[1]), "the later lead waits for the retry, after the one that failed");
            Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Pending), "the delivery is tried again");
        });
    }

    [Test]
    public async Task An_owner_whose_event_failed_on_one_page_gets_its_other_pages_events_of_the_delivery_at_once()
    {
        var owner = await App.NewUserAsync();
        using var api = App.ApiClient(owner);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.ExpiringTokenPageToken);
        Graph.Options.WebhookDropRate = 1;
        var failingLead = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        var otherPageLead = Graph.SubmitLeads(SandboxSeed.ExpiringTokenFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        (_failing.UserId, _failing.LeadId) = (owner.Id, failingLead);
        await PostLeadgenAsync([(SandboxSeed.MainPageId, SandboxSeed.MainTestRideFormId, failingLead), (SandboxSeed.ExpiringTokenPageId, SandboxSeed.ExpiringTokenFormId, otherPageLead)]);

        var delivery = await FirstAttemptAsync(otherPageLead);

        Assert.Multiple(async () =>
        {
            Assert.That(await LeadIdsAsync(api), Does.Contain(otherPageLead), "another page's events do not wait behind the one that failed");
            Assert.That(await LeadIdsAsync(api), Does.Not.Contain(failingLead));
            Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Pending), "the delivery is tried again for the page that failed");
        });
    }

    [Test]
    public async Task An_integration_whose_stored_token_cannot_be_read_asks_for_a_reconnect_and_the_other_owner_gets_its_lead()
    {
        var broken = await App.NewUserAsync();
        var working = await App.NewUserAsync();
        using var brokenApi = App.ApiClient(broken);
        using var workingApi = App.ApiClient(working);
        var brokenId = (await IntegrationsApiTests.ConnectAsync(brokenApi, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        await IntegrationsApiTests.ConnectAsync(workingApi, SandboxSeed.MainPageToken);
        await using (var scope = App.ScopeFor(broken.Id))
        {
            // A token the key ring cannot unprotect (written under keys since lost).
            await App.Db(scope).Integrations.Where(i => i.Id == brokenId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, "CfDJ8not-a-protected-token"));
        }

        var leadId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        var delivery = await FirstAttemptAsync(leadId);

        var stored = (await workingApi.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();
        var integration = await brokenApi.GetFromJsonAsync<JsonElement>($"/api/integrations/{brokenId}");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Contain(leadId), "the other owner's lead is stored on the first attempt");
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
            Assert.That(integration.GetProperty("last_error").GetString(), Does.Contain("cannot read this page's stored token"));
            Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Processed), "handled, not retried: the lead is on the sync history for after the reconnect");
        });
    }

    /// <summary>One signed delivery announcing <paramref name="leads"/> in their order: an entry a page, a leadgen change a lead.</summary>
    private async Task PostLeadgenAsync(IReadOnlyList<(string Page, string Form, string Lead)> leads)
    {
        using var client = App.NewClient();
        using var posted = await WebhookTests.PostSignedAsync(client, LeadgenDeliveries.Body(leads), Graph.Options.AppSecret);
        Assert.That(posted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    private static async Task<List<string?>> LeadIdsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();

    private Task<LeadOps.Domain.Common.WebhookDelivery> FirstAttemptAsync(string leadId) =>
        HangGuard.WaitAsync("the delivery's first attempt", async ct =>
        {
            while (true)
            {
                await using var scope = App.Services.CreateAsyncScope();
                if (await App.Db(scope).WebhookDeliveries.AsNoTracking()
                        .Where(d => d.Body.Contains(leadId) && (d.LastError != null || d.Status != DeliveryStatus.Pending)).FirstOrDefaultAsync(ct) is { } attempted)
                {
                    return attempted;
                }

                await Task.Delay(50, ct);
            }
        });

    internal sealed class FailingOwner
    {
        public string? UserId { get; set; }

        /// <summary>When set, only this lead of the owner cannot be stored.</summary>
        public string? LeadId { get; set; }
    }

    /// <summary>The app's lead repository, whose inserts fail for the owner <see cref="FailingOwner"/> names.</summary>
    public class InsertThatFails : DispatchProxy
    {
        private ILeadRepository _inner = null!;
        private ICurrentUser _user = null!;
        private FailingOwner _failing = null!;

        internal void Use(ILeadRepository inner, ICurrentUser user, FailingOwner failing) => (_inner, _user, _failing) = (inner, user, failing);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(ILeadRepository.InsertNewAsync) && _failing.UserId is { } id && _user.UserId == id &&
                (_failing.LeadId is not { } leadId || args![0] is IReadOnlyList<LeadOps.Domain.Leads.Lead> leads && leads.Any(l => l.FacebookLeadId == leadId)))
            {
                throw new InvalidOperationException("This owner's leads cannot be stored.");
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        }
    }
}
