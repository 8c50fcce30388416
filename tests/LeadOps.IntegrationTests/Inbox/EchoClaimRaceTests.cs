using System.Data.Common;
using LeadOps.Application.Common.Security;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Persistence.Repositories;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Meta's echo of a reply and the reply's send failing, in the order that used to lose the failure's correction: the
/// echo finds the reply Sending, the send's failure commits, then the echo claims it. The claim says what the reply was
/// when it took it (Failed), so the audit tells that the reply went out after all. The failure is committed by a
/// command interceptor on the echo's own context, just before its update runs: the order is the test's, not the clock's.
/// </summary>
public sealed class EchoClaimRaceTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task An_echo_that_read_the_reply_sending_before_its_send_failed_claims_it_as_a_failed_reply()
    {
        var staff = await NewStaffAsync();
        var id = await CustomerWritesAsync(staff, NewPsid(), "Can I pay on delivery?");
        const string Text = "Yes, cash or card.";
        var replyId = await SendingReplyAsync(staff, id, Text);

        await using var scope = App.ScopeFor(staff.User.Id);
        var failFirst = new BeforeFirstUpdate(() => scope.ServiceProvider.GetRequiredService<IConversationRepository>()
            .FailSendAsync(replyId, SendFailure.Temporary, "Facebook did not say whether it sent this message.", CancellationToken.None));
        await using var echo = EchoContext(failFirst, App.Db(scope).CurrentUser);

        var claim = await new ConversationRepository(echo).ClaimEchoAsync(id, Text, "m_echo_" + Guid.NewGuid().ToString("N"), Clock.GetUtcNow(), CancellationToken.None);

        var stored = await App.Db(scope).MessengerMessages.AsNoTracking().SingleAsync(m => m.Id == replyId);
        Assert.Multiple(() =>
        {
            Assert.That(failFirst.Ran, Is.True, "the send's failure committed between the echo's read and its update");
            Assert.That(claim, Is.EqualTo(new EchoClaim(replyId, WasFailed: true)), "the echo claimed a reply recorded as failed");
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

    private LeadOpsDbContext EchoContext(BeforeFirstUpdate interceptor, ICurrentUser user)
    {
        LeadOpsDbContext context = Database == DatabaseKind.Sqlite
            ? new SqliteLeadOpsDbContext(new DbContextOptionsBuilder<SqliteLeadOpsDbContext>().UseSqlite(App.ConnectionString).AddInterceptors(interceptor).Options)
            : new SqlServerLeadOpsDbContext(new DbContextOptionsBuilder<SqlServerLeadOpsDbContext>().UseSqlServer(App.ConnectionString).AddInterceptors(interceptor).Options);
        context.CurrentUser = user;
        return context;
    }

    /// <summary>Runs <paramref name="between"/> once, just before the first update the context sends.</summary>
    private sealed class BeforeFirstUpdate(Func<Task> between) : DbCommandInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Ran && command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase))
            {
                Ran = true;
                await between();
            }

            return result;
        }
    }
}
