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
            Assert.That(SendApiCalls(), Is.Zero);
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
            Assert.That(SendApiCalls(), Is.Zero);
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
