using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Conversations;
using LeadOps.Application.Integrations;
using LeadOps.Domain.Conversations;
using LeadOps.Domain.Integrations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A reply that never reached Meta (its page no longer connected) while an echo with the same words, of another send,
/// claimed it as it was being sent: the reply fails, without that echo's id, and is audited failed, never "sent". The
/// app's integration lookup for the send lets the echo claim the reply, then finds no connected page.
/// </summary>
public sealed class UnsentReplyEchoTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly Interleave _interleave = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithServices(services =>
    {
        var real = services.Last(d => d.ServiceType == typeof(IIntegrationRepository)).ImplementationType!;
        services.AddScoped<IIntegrationRepository>(sp =>
        {
            var proxy = DispatchProxy.Create<IIntegrationRepository, EchoBeforeLookup>();
            ((EchoBeforeLookup)(object)proxy).Use((IIntegrationRepository)ActivatorUtilities.CreateInstance(sp, real), _interleave);
            return proxy;
        });
    });

    [Test]
    public async Task A_reply_meta_was_never_asked_to_send_fails_even_when_an_echo_with_its_words_claimed_it()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you deliver on Sundays?");
        const string Text = "We do, until noon.";
        var mid = "m_other_send_" + Guid.NewGuid().ToString("N");
        _interleave.Step = () => EchoClaimsTheReplyAsync(staff, id, EchoBody(psid, mid, Text, Clock.GetUtcNow().AddSeconds(1), OwnAppId()), mid);
        var calls = SendApiCalls(); // the fixture's app is shared: another test's sends count too

        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = Text });
        var answer = await reply.Content.ReadFromJsonAsync<JsonElement>();

        var audited = await SendAuditAsync(staff, id);
        await using var read = App.ScopeFor(staff.User.Id);
        var stored = await App.Db(read).MessengerMessages.AsNoTracking().SingleAsync(m => m.ConversationId == id && m.Sender == MessageSender.Staff);
        Assert.Multiple(() =>
        {
            Assert.That(_interleave.Step, Is.Null, "the echo came while the reply was being sent");
            Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("failed"), answer.ToString());
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(stored.FailureKind, Is.EqualTo(SendFailure.PageNotConnected));
            Assert.That(stored.Mid, Is.Null, "the other send's id is not this reply's");
            Assert.That(audited, Is.EqualTo(new[] { AuditActions.Failed }));
            Assert.That(SendApiCalls(), Is.EqualTo(calls), "Meta was never asked");
        });
    }

    /// <summary>
    /// The echo that claimed the reply is a message the page really sent (another send with the same words, naming
    /// LeadOps' app): once the reply fails, that echo is kept as the page message it is, with its own id, in the thread and
    /// as the conversation's latest message, as it would have been had it claimed nothing.
    /// </summary>
    [Test]
    public async Task The_echo_that_claimed_a_reply_meta_was_never_asked_to_send_stays_in_the_thread_as_the_pages_message()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is the shop open on Monday?");
        const string Text = "Yes, from 10.";
        var mid = "m_other_send_" + Guid.NewGuid().ToString("N");
        _interleave.Step = () => EchoClaimsTheReplyAsync(staff, id, EchoBody(psid, mid, Text, Clock.GetUtcNow().AddSeconds(1), OwnAppId()), mid);
        var calls = SendApiCalls(); // the fixture's app is shared: another test's sends count too

        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = Text });
        var answer = await reply.Content.ReadFromJsonAsync<JsonElement>();

        var thread = await MessagesAsync(staff, id);
        var failed = thread.Single(m => m.GetProperty("sender").GetString() == "staff");
        var echoed = thread.Where(m => m.GetProperty("mid").GetString() == mid).ToList();
        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(_interleave.Step, Is.Null, "the echo came while the reply was being sent");
            Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("failed"), answer.ToString());
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(failed.GetProperty("mid").ValueKind, Is.EqualTo(JsonValueKind.Null), "the echo's id is not the failed reply's");
            Assert.That(echoed, Has.Count.EqualTo(1), "the page's message is in the thread, once");
            Assert.That(echoed.Select(m => m.GetProperty("sender").GetString()), Has.None.EqualTo("staff").And.None.EqualTo("customer"), "a page message");
            Assert.That(echoed.Select(m => m.GetProperty("text").GetString()), Is.All.EqualTo(Text));
            Assert.That(echoed.Select(m => m.GetProperty("status").GetString()), Is.All.EqualTo("sent"));
            Assert.That(thread[^1].GetProperty("mid").GetString(), Is.EqualTo(mid), "the newest message of the thread");
            Assert.That(conversation.GetProperty("last_message_preview").GetString(), Is.EqualTo(Text));
            Assert.That(SendApiCalls(), Is.EqualTo(calls), "Meta was never asked");
        });
    }

    /// <summary>
    /// A retry that fails before Meta is asked (the page no longer connected) of a reply whose first try Meta may have
    /// taken (no answer, a bare 502): that try's late echo, naming the reply in its metadata, claims it as the retry sets
    /// out. The customer has the reply: it stays sent with the echo's id, the retry answers sent, and no second failure
    /// is audited.
    /// </summary>
    [Test]
    public async Task A_retry_that_fails_before_meta_is_asked_keeps_the_claim_of_an_earlier_tries_late_echo()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I collect it today?");
        const string Text = "Yes, until six.";
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.ProxyError, Times = 1 });
        var first = await ReplyAsync(staff, id, Text);
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("failed"), first.ToString());
        long replyId;
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var failed = await App.Db(scope).MessengerMessages.AsNoTracking().SingleAsync(m => m.ConversationId == id && m.Sender == MessageSender.Staff);
            Assert.That(failed.FailureKind, Is.EqualTo(SendFailure.Temporary), "Meta may have the first try");
            replyId = failed.Id;
        }

        var calls = SendApiCalls();
        var mid = "m_first_try_" + Guid.NewGuid().ToString("N");
        var echo = MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow().AddSeconds(1)), mid, Text, OwnAppId());
        echo["message"]!["metadata"] = "leadops:reply:" + replyId;
        _interleave.Step = () => EchoClaimsTheReplyAsync(staff, id, MetaEvents.Messaging(echo), mid);

        var retry = await (await staff.Api.PostAsync($"/api/conversations/{id}/messages/{replyId}/retry", null)).Content.ReadFromJsonAsync<JsonElement>();

        var thread = await MessagesAsync(staff, id);
        await using var read = App.ScopeFor(staff.User.Id);
        var stored = await App.Db(read).MessengerMessages.AsNoTracking().SingleAsync(m => m.Id == replyId);
        var audited = await App.Db(read).AuditEntries.AsNoTracking()
            .Where(a => a.SubjectId == id.ToString() && (a.Action == AuditActions.SendMessage || a.Action == AuditActions.RetryMessage))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Outcome }).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_interleave.Step, Is.Null, "the echo came while the retry was setting out");
            Assert.That(retry.GetProperty("status").GetString(), Is.EqualTo("sent"), retry.ToString());
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(stored.Mid, Is.EqualTo(mid), "the first try's echo is this reply's");
            Assert.That(stored.FailureKind, Is.Null);
            Assert.That(thread.Count(m => m.GetProperty("text").GetString() == Text), Is.EqualTo(1), "the echo is the reply, not a page message beside it");
            Assert.That(audited.Select(a => (a.Action, a.Outcome)), Is.EqualTo(new[] { (AuditActions.SendMessage, AuditActions.Failed), (AuditActions.RetryMessage, AuditActions.Sent) }),
                "the first try failed; the retry is audited sent, never failed");
            Assert.That(SendApiCalls(), Is.EqualTo(calls), "the retry never reached Meta");
        });
    }

    /// <summary>
    /// The same, with the earlier try's echo landing after the retry's failure was stored: Meta may still have that try,
    /// so the failure is one an echo may claim (an internal error, with the page's reason), and the echo shows it sent.
    /// </summary>
    [Test]
    public async Task An_earlier_tries_echo_after_a_retry_failed_before_meta_still_shows_the_reply_sent()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is the blue one in stock?");
        const string Text = "It is, two left.";
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.ProxyError, Times = 1 });
        var first = await ReplyAsync(staff, id, Text);
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("failed"), first.ToString());
        long replyId;
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            replyId = (await App.Db(scope).MessengerMessages.AsNoTracking().SingleAsync(m => m.ConversationId == id && m.Sender == MessageSender.Staff)).Id;
        }

        _interleave.Step = () => Task.CompletedTask; // the retry finds the page no longer connected
        var retry = await (await staff.Api.PostAsync($"/api/conversations/{id}/messages/{replyId}/retry", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(retry.GetProperty("status").GetString(), Is.EqualTo("failed"), retry.ToString());

        var mid = "m_late_first_try_" + Guid.NewGuid().ToString("N");
        var echo = MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow().AddSeconds(1)), mid, Text, OwnAppId());
        echo["message"]!["metadata"] = "leadops:reply:" + replyId;
        Clock.Advance(TimeSpan.FromSeconds(1));
        await PostSignedWebhookAsync(MetaEvents.Messaging(echo));
        await HangGuard.UntilAsync("the echo was stored", async ct =>
        {
            await using var scope = App.ScopeFor(staff.User.Id);
            return await App.Db(scope).MessengerMessages.AsNoTracking().AnyAsync(m => m.ConversationId == id && m.Mid == mid, ct);
        });

        var thread = await MessagesAsync(staff, id);
        await using var read = App.ScopeFor(staff.User.Id);
        var stored = await App.Db(read).MessengerMessages.AsNoTracking().SingleAsync(m => m.Id == replyId);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Sent), "the customer has the first try");
            Assert.That(stored.Mid, Is.EqualTo(mid));
            Assert.That(thread.Count(m => m.GetProperty("text").GetString() == Text), Is.EqualTo(1), "the echo is the reply, not a page message beside it");
        });
    }

    /// <summary>LeadOps' own app id: an echo naming it may be one of its replies.</summary>
    private string OwnAppId()
    {
        var ownAppId = App.Services.GetRequiredService<MessengerOptions>().OwnAppId;
        Assert.That(ownAppId, Is.Not.Null, "an echo naming LeadOps' app may be one of its replies");
        return ownAppId!;
    }

    /// <summary>
    /// Meta's echo <paramref name="body"/> reaches the webhook while the reply is being sent, and the app's echo handling
    /// claims the reply with it (its id <paramref name="mid"/>) before the send goes on. Its time is a second after the
    /// reply's (Meta's timestamps are in milliseconds: the echo is plainly after the reply).
    /// </summary>
    private async Task EchoClaimsTheReplyAsync(Staff staff, Guid id, string body, string mid)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        await PostSignedWebhookAsync(body);
        await HangGuard.UntilAsync("the echo claimed the reply while it was Sending", async ct =>
        {
            await using var scope = App.ScopeFor(staff.User.Id);
            return await App.Db(scope).MessengerMessages.AsNoTracking().AnyAsync(m => m.ConversationId == id && m.Sender == MessageSender.Staff && m.Mid == mid, ct);
        });
    }

    internal sealed class Interleave
    {
        public Func<Task>? Step { get; set; }
    }

    /// <summary>The app's integrations, whose lookup of a sender first runs the test's step, then finds none.</summary>
    public class EchoBeforeLookup : DispatchProxy
    {
        private IIntegrationRepository _inner = null!;
        private Interleave _interleave = null!;

        internal void Use(IIntegrationRepository inner, Interleave interleave) => (_inner, _interleave) = (inner, interleave);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IIntegrationRepository.FindSenderAsync) && _interleave.Step is { } step)
            {
                _interleave.Step = null;
                return NoneAfter(step);
            }

            return targetMethod.Invoke(_inner, args);
        }

        private static async Task<Integration?> NoneAfter(Func<Task> step)
        {
            await step();
            return null;
        }
    }
}
