using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Outgoing;
using LeadOps.Infrastructure.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// Events that can never be fanned out, as many as the worker takes in one round (<c>OutgoingWebhooks:BatchSize</c>),
/// are set aside after a bounded number of failures, so the events after them go; and a delivery whose endpoint is
/// deleted while it is posted is passed over instead of ending the round.
/// </summary>
public sealed class OutgoingPoisonEventTests(DatabaseKind database) : OutgoingFixture(database)
{
    private const int BatchSize = 2;

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        base.Configure(app).WithSetting("OutgoingWebhooks:BatchSize", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public async Task A_batch_of_events_that_cannot_be_fanned_out_is_set_aside_and_the_later_events_go()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        var endpointId = await RegisterAsync(user, receiver.Url);
        var poisoned = new List<long>();
        for (var i = 0; i < BatchSize; i++)
        {
            poisoned.Add(await CreateLeadAsync(user, integrationId: null, $"Unreadable {i}"));
        }

        await using (var scope = App.ScopeFor(user.Id))
        {
            // Leads whose stored answers cannot be read: building their bodies throws, every time.
            await App.Db(scope).Leads.Where(l => poisoned.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.AnswersJson, "not json"));
        }

        await CreateLeadAsync(user, integrationId: null, "After Them");
        var worker = App.Services.GetRequiredService<OutgoingWorker>();
        for (var round = 0; round < 10; round++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromHours(1)); // past any fan-out backoff
        }

        Assert.That(receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString()),
            Is.EqualTo(new[] { "After Them" }), "the later event is not held up for good");
        await AssertSetAsideAsync(user, endpointId, poisoned);
    }

    [Test]
    public async Task A_delivery_whose_endpoint_is_deleted_while_it_is_posted_is_passed_over_and_the_round_goes_on()
    {
        var user = await App.NewUserAsync();
        await using var first = await WebhookReceiver.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        var firstId = await RegisterAsync(user, first.Url);
        await RegisterAsync(user, second.Url);
        // The first endpoint's owner deletes it while its delivery is being posted.
        first.ForwardTo = new HttpClient(new DeletesOnce(App.ApiClient(user), firstId)) { BaseAddress = new Uri("http://receiver.test/") };
        await CreateLeadAsync(user, integrationId: null, "One");

        var worker = App.Services.GetRequiredService<OutgoingWorker>();
        await worker.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Received, Has.Count.EqualTo(1));
            Assert.That(second.Received, Has.Count.EqualTo(1), "the delivery after it in the round went");
        });
    }

    /// <summary>Set aside after the configured number of failures (not tried in the rounds after), and said so in the endpoint's log.</summary>
    private async Task AssertSetAsideAsync(TestUser user, int endpointId, List<long> poisoned)
    {
        var max = App.Services.GetRequiredService<LeadOps.Application.Outgoing.OutgoingWebhookOptions>().MaxFanOutAttempts;
        await using var scope = App.ScopeFor(user.Id);
        var events = await App.Db(scope).Set<OutgoingEvent>().Where(e => e.LeadId != null && poisoned.Contains(e.LeadId.Value)).ToListAsync();
        var list = await App.ApiClient(user).GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        var errors = list.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == endpointId)
            .GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("error").GetString()).OfType<string>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events, Has.Count.EqualTo(poisoned.Count));
            Assert.That(events.Select(e => (e.FanOutAttempts, e.SetAsideAt.HasValue, e.ProcessedAt.HasValue)), Has.All.EqualTo((max, true, false)));
            Assert.That(errors.Count(e => e.Contains("set it aside", StringComparison.Ordinal)), Is.EqualTo(poisoned.Count), string.Join(" | ", errors));
            Assert.That(errors, Has.None.Contains("not json").And.None.Contains("Exception"));
        });
    }

    private async Task<int> RegisterAsync(TestUser user, Uri url)
    {
        using var signedIn = await App.SignedInApiClientAsync(user); // only a person adds endpoints
        var response = await signedIn.PostAsJsonAsync("/api/webhook-endpoints", new { url = url.ToString(), events = new[] { OutgoingEventNames.LeadCreated } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Answers 200 to every delivery; the first time, deletes an endpoint through the API as its owner.</summary>
    private sealed class DeletesOnce(HttpClient api, int endpointId) : DelegatingHandler
    {
        private int _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                using var deleted = await api.DeleteAsync($"/api/webhook-endpoints/{endpointId}", cancellationToken);
                Assert.That(deleted.IsSuccessStatusCode, Is.True, await deleted.Content.ReadAsStringAsync(cancellationToken));
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
