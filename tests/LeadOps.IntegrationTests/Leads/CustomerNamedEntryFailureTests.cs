using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using LeadOps.Application.Common.Security;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Common;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SandboxSeed = LeadOps.GraphSandbox.SandboxSeed;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A Messenger event in an entry named by the customer (chaskiq's form) is handled for the page that is its other party.
/// When its owner's handling fails, the failed delivery is that owner's to see and retry, as the page's: not every page
/// the body's entries name, whose other staff would read another user's error and could run their events again.
/// </summary>
public sealed class CustomerNamedEntryFailureTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FailingOwner _failing = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithSetting("Webhooks:MaxAttempts", "1")
        .WithServices(services =>
        {
            // One owner's Messenger events cannot be saved (a fault of that owner's data, a bug): the rest of the app is real.
            var real = services.Last(d => d.ServiceType == typeof(IConversationRepository));
            services.AddScoped<IConversationRepository>(sp =>
            {
                var inner = (IConversationRepository)(real.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!));
                var proxy = DispatchProxy.Create<IConversationRepository, SaveThatFails>();
                ((SaveThatFails)(object)proxy).Use(inner, sp.GetRequiredService<ICurrentUser>(), _failing);
                return proxy;
            });
        });

    /// <summary>
    /// One body: a customer's message to user A's page in an entry named by the customer, whose handling fails for A, and a
    /// lead of user B's page. A finds the failure under A's page and may retry it; B, whose lead was stored, sees nothing of it.
    /// Before, the page of the failed event was not among the delivery's pages (only the entry's id, the customer, was), so the
    /// failure was taken as the whole delivery's: shown to B with A's error, retried by B, and not listed to A at all.
    /// </summary>
    [Test]
    public async Task A_failed_event_of_an_entry_named_by_the_customer_is_shown_and_retried_only_by_its_pages_owner()
    {
        var owner = await App.NewUserAsync();
        using var ownerApi = App.ApiClient(owner);
        using var otherApi = App.ApiClient(await App.NewUserAsync());
        await IntegrationsApiTests.ConnectAsync(ownerApi, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(otherApi, SandboxSeed.NotSubscribedPageToken);
        Graph.Options.WebhookDropRate = 1; // only the delivery the test posts
        var lead = Graph.SubmitLeads(SandboxSeed.NotSubscribedFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        _failing.UserId = owner.Id;
        var psid = "72" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[
              {"id":"{{{psid}}}","time":{{{at}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{SandboxSeed.MainPageId}}}"},"timestamp":{{{at}}},"message":{"mid":"m_{{{lead}}}","text":"hello"}}]},
              {"id":"{{{SandboxSeed.NotSubscribedPageId}}}","time":{{{at}}},"changes":[{"field":"leadgen","value":{"leadgen_id":"{{{lead}}}","page_id":"{{{SandboxSeed.NotSubscribedPageId}}}","form_id":"{{{SandboxSeed.NotSubscribedFormId}}}","created_time":1440120384}}]}]}
            """;
        var id = await PostUntilFailedAsync(body, lead);

        var ownerSees = await FailedAsync(ownerApi, id);
        var otherSees = await FailedAsync(otherApi, id);
        using var otherRetry = await otherApi.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.Multiple(async () =>
        {
            Assert.That(await LeadgenDeliveries.StoredAsync(otherApi, lead), Has.Count.EqualTo(1), "the other user's lead was stored");
            Assert.That(otherSees, Is.Empty, "the other user does not see the owner's failure");
            Assert.That(otherRetry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "nor retry it");
            Assert.That(ownerSees, Has.Count.EqualTo(1), "the page's owner sees the failure");
            Assert.That(ownerSees.Select(d => d.GetProperty("page_ids").GetString()), Is.EqualTo(new[] { SandboxSeed.MainPageId }));
            Assert.That(ownerSees.Select(d => d.GetProperty("last_error").GetString()), Has.All.StartWith(nameof(InvalidOperationException)));
        });

        _failing.UserId = null;
        using var ownerRetry = await ownerApi.PostAsync($"/api/facebook-lead-retrieval/failed-deliveries/{id}/retry", null);
        Assert.That(ownerRetry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), await ownerRetry.Content.ReadAsStringAsync());
    }

    private static async Task<List<JsonElement>> FailedAsync(HttpClient api, long id) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/failed-deliveries")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("id").GetInt64() == id).ToList();

    private async Task<long> PostUntilFailedAsync(string body, string marker)
    {
        using (var client = App.NewClient())
        using (var posted = await WebhookTests.PostSignedAsync(client, body, Graph.Options.AppSecret))
        {
            Assert.That(posted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        }

        return await HangGuard.WaitAsync("the delivery to fail", async ct =>
        {
            while (true)
            {
                await using var scope = App.Services.CreateAsyncScope();
                if (await App.Db(scope).WebhookDeliveries.Where(d => d.Body.Contains(marker) && d.Status == WebhookDeliveryStatus.Failed)
                        .Select(d => (long?)d.Id).FirstOrDefaultAsync(ct) is { } failed)
                {
                    return failed;
                }

                await Task.Delay(50, ct);
            }
        });
    }

    internal sealed class FailingOwner
    {
        public string? UserId { get; set; }
    }

    /// <summary>The app's conversation store, whose saves fail for the owner <see cref="FailingOwner"/> names.</summary>
    public class SaveThatFails : DispatchProxy
    {
        private IConversationRepository _inner = null!;
        private ICurrentUser _user = null!;
        private FailingOwner _failing = null!;

        internal void Use(IConversationRepository inner, ICurrentUser user, FailingOwner failing) => (_inner, _user, _failing) = (inner, user, failing);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IConversationRepository.TrySaveAsync) && _failing.UserId is { } id && _user.UserId == id)
            {
                throw new InvalidOperationException("This owner's conversations cannot be saved.");
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
