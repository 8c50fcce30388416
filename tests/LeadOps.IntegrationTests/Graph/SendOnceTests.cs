using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Application.Leads.Conversions;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Graph.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>
/// A Send API call whose outcome is unknown (its answer never came, after Meta may have sent the message) is not sent
/// again by the Graph client's own retries: the customer would get the message twice. What Graph refuses outright, or a
/// connection that never opened, is still retried.
/// </summary>
public sealed class SendOnceTests : GraphClientFixture
{
    private const string Psid = SandboxSeed.CustomerWroteOneHourAgoPsid;

    [Test]
    public async Task A_send_whose_answer_never_comes_is_not_sent_again_and_the_caller_is_told()
    {
        FaultsInOrder(FaultRoutes.Messages, new FaultRule { Kind = FaultKind.TimeoutAfterWork });

        var sending = Send("Your bike is ready");
        await HangGuard.UntilAsync("Meta sent the message", _ => Task.FromResult(Graph.SentMessages.Count == 1));
        Clock.Advance(GraphClientHarness.AttemptTimeout);
        var ex = await CallerSeesAsync(Client.RunAsync(sending));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.Message, Does.Contain("did not answer"));
            Assert.That(ex.Failure.OutcomeUnknown, Is.True, "the caller is told Meta may have sent it");
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(1), "no second attempt");
            Assert.That(Graph.SentMessages.Select(m => m.Text), Is.EqualTo(new[] { "Your bike is ready" }), "the customer has it once");
        });
    }

    [Test]
    public async Task A_send_answered_by_a_bare_server_error_is_not_sent_again()
    {
        FaultsInOrder(FaultRoutes.Messages, new FaultRule { Kind = FaultKind.ProxyError, Status = 504 });

        var ex = await CallerSeesAsync(Client.RunAsync(Send("Hello")));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(504));
            Assert.That(ex.Failure.OutcomeUnknown, Is.True);
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_send_answered_by_an_unknown_error_is_not_sent_again()
    {
        // Code 1 "An unknown error occurred" says nothing of whether the message went: Messenger gives it after sending too.
        FaultsInOrder(FaultRoutes.Messages, new FaultRule { Kind = FaultKind.Transient, Code = 1 });

        var ex = await CallerSeesAsync(Client.RunAsync(Send("Hello")));

        Assert.Multiple(() =>
        {
            Assert.That((ex.Failure.Kind, ex.Failure.Code), Is.EqualTo((GraphFailureKind.Transient, (int?)1)));
            Assert.That(ex.Failure.OutcomeUnknown, Is.True);
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_conversions_event_answered_by_a_bare_server_error_is_posted_once()
    {
        // Meta counts every copy of an event: the outbox's next attempt, not the client's, decides whether to post it again.
        FaultsInOrder(FaultRoutes.Events, new FaultRule { Kind = FaultKind.ProxyError, Status = 502 });
        var conversions = Client.Services.GetRequiredService<IConversionsGateway>();
        var request = new ConversionRequest("QualifiedLead", Clock.GetUtcNow().ToUnixTimeSeconds(), 1500000000000001, null);

        var ex = await CallerSeesAsync(Client.RunAsync(conversions.SendAsync(SandboxSeed.DatasetId, SandboxSeed.DatasetToken, request, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.OutcomeUnknown, Is.True);
            Assert.That(CountRequests("POST", $"/{SandboxSeed.DatasetId}/events"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_send_graph_says_failed_for_now_is_retried_and_goes_out_once()
    {
        FaultsInOrder(FaultRoutes.Messages, new FaultRule { Kind = FaultKind.Transient, Code = 2 });

        await Client.RunAsync(Send("Hello"));

        Assert.Multiple(() =>
        {
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(2));
            Assert.That(Graph.SentMessages.Select(m => m.Text), Is.EqualTo(new[] { "Hello" }));
        });
    }

    [Test]
    public async Task A_send_that_could_not_connect_is_retried()
    {
        // Nothing listens on the sandbox's port once it has stopped: no attempt reaches Meta.
        await Sandbox.StopAsync();

        var ex = await CallerSeesAsync(Client.RunAsync(Send("Hello")));
        var attempts = Client.Logs.GetSnapshot().Where(r => r.Id.Name == "GraphCall").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(attempts, Has.Count.EqualTo(3), "each attempt was refused before anything was sent");
            Assert.That(ex.Failure.OutcomeUnknown, Is.False, "nothing reached Meta");
        });
    }

    private Task<MessengerSendResult> Send(string text) =>
        Client.Messenger.SendTextAsync(MainPage, Psid, text, MessengerMessagingType.Response, null, CancellationToken.None);
}
