using System.Reflection;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Meta's echo of a reply and the reply's send failing, in the order that used to lose the failure's correction: the
/// echo finds the reply Sending, the send's failure commits, then the echo claims it. The claim says what the reply was
/// when it took it (Failed), so the audit tells that the reply went out after all. The echo is Meta's, posted to the
/// webhook and recorded by the app as any echo is; the failure is committed by the app's conversation store itself,
/// just after the echo's lookup found the reply and before its claim: the order is the test's, not the clock's.
/// </summary>
public sealed class EchoClaimRaceTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly Interleave _interleave = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithServices(services =>
    {
        var real = services.Last(d => d.ServiceType == typeof(IConversationRepository)).ImplementationType!;
        services.AddScoped<IConversationRepository>(sp =>
        {
            var proxy = DispatchProxy.Create<IConversationRepository, StepAfterEchoLookup>();
            ((StepAfterEchoLookup)(object)proxy).Use((IConversationRepository)ActivatorUtilities.CreateInstance(sp, real), _interleave);
            return proxy;
        });
    });

    [Test]
    public async Task An_echo_that_read_the_reply_sending_before_its_send_failed_claims_it_as_a_failed_reply()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I pay on delivery?");
        const string Text = "Yes, cash or card.";
        var replyId = await SendingReplyAsync(staff, id, Text);
        var ran = false;
        _interleave.Step = async () =>
        {
            await using var scope = App.ScopeFor(staff.User.Id);
            ran = await scope.ServiceProvider.GetRequiredService<IConversationRepository>()
                .FailSendAsync(replyId, SendFailure.Temporary, "Facebook did not say whether it sent this message.", CancellationToken.None);
        };

        // Meta's echo of this reply: LeadOps' app, and the metadata the Send API carried for it.
        var mid = "m_echo_" + Guid.NewGuid().ToString("N");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var echo = MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow()), mid, Text, App.Services.GetRequiredService<MessengerOptions>().OwnAppId!);
        echo["message"]!["metadata"] = "leadops:reply:" + replyId;
        await PostSignedWebhookAsync(MetaEvents.Messaging(echo));
        await ProcessedAsync(staff);

        await using var read = App.ScopeFor(staff.User.Id);
        var stored = await App.Db(read).MessengerMessages.AsNoTracking().SingleAsync(m => m.Id == replyId);
        var audited = await SendAuditAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(_interleave.Step, Is.Null, "the echo's lookup found the reply");
            Assert.That(ran, Is.True, "the send's failure committed between the echo's read and its claim");
            Assert.That(stored.Mid, Is.EqualTo(mid), "the echo claimed the reply");
            Assert.That(audited, Is.EqualTo(new[] { AuditActions.Sent }), "the echo claimed a reply recorded as failed: it went out after all");
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(stored.FailureKind, Is.Null);
        });
    }

    /// <summary>A staff reply stored as Sending, as the reply's request leaves it while Meta is being called.</summary>
    private async Task<long> SendingReplyAsync(Staff staff, Guid conversationId, string text)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        var db = App.Db(scope);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        var now = Clock.GetUtcNow();
        var message = conversation.WriteReply(staff.User.Id, null, text, Guid.NewGuid().ToString("N"), conversation.PlanReply(MessageSender.Staff, now, false), null, now);
        db.MessengerMessages.Add(message);
        await db.SaveChangesAsync();
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Sending));
        return message.Id;
    }

    internal sealed class Interleave
    {
        public Func<Task>? Step { get; set; }
    }

    /// <summary>The app's conversation store, whose lookup of the reply an echo claims runs the test's step once it found one.</summary>
    public class StepAfterEchoLookup : DispatchProxy
    {
        private IConversationRepository _inner = null!;
        private Interleave _interleave = null!;

        internal void Use(IConversationRepository inner, Interleave interleave) => (_inner, _interleave) = (inner, interleave);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_inner, args);
            return targetMethod.Name == nameof(IConversationRepository.FindEchoClaimAsync) ? StepAfter((Task<long?>)result!) : result;
        }

        private async Task<long?> StepAfter(Task<long?> lookup)
        {
            if (await lookup is not null && _interleave.Step is { } step)
            {
                _interleave.Step = null;
                await step();
            }

            return await lookup;
        }
    }
}
