using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Two users who connected the same page each keep the customer's thread. LeadOps sends each reply with the Send API's
/// <c>metadata</c>, which Meta gives back on the echo (developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-echoes:
/// <c>"metadata": "&lt;DEVELOPER_DEFINED_METADATA_STRING&gt;"</c> beside <c>app_id</c>): one user's reply shows in the other's
/// thread as a colleague's, and never takes over a reply of theirs with the same words.
/// </summary>
public sealed class ColleagueReplyTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task A_reply_sent_for_one_user_shows_in_the_other_users_thread_as_a_colleagues_not_the_bots()
    {
        var (alice, bob, psid, aliceThread, bobThread) = await TwoUsersOneCustomerAsync("Do you have it in blue?");

        var answer = await ReplyAsync(alice, aliceThread, "We do, in two sizes.");
        Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("sent"), answer.ToString());
        await ProcessedAsync(bob);

        var sent = SentTo(psid).Single();
        var seenByBob = (await MessagesAsync(bob, bobThread)).Single(m => m.GetProperty("text").GetString() == "We do, in two sizes.");
        var seenByAlice = StaffReply(await MessagesAsync(alice, aliceThread))!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(sent.Metadata, Is.EqualTo("leadops:reply:" + seenByAlice.GetProperty("id").GetInt64()), "the Send API call names the reply");
            Assert.That(seenByBob.GetProperty("sender").GetString(), Is.EqualTo("staff"));
            Assert.That(seenByBob.GetProperty("sender_name").GetString(), Is.EqualTo(MessengerMessage.ColleagueSenderName));
            Assert.That(seenByBob.GetProperty("mid").GetString(), Is.EqualTo(sent.MessageId));
            Assert.That(seenByAlice.GetProperty("mid").GetString(), Is.EqualTo(sent.MessageId));
        });
    }

    /// <summary>
    /// Bob's reply timed out after its retries (Meta may have it, so an echo with its words could show it sent); Alice then
    /// sends the same words. Her echo names her reply: Bob's stays failed, to be retried, and hers shows in his thread.
    /// </summary>
    [Test]
    public async Task A_colleagues_echo_never_marks_a_failed_reply_with_the_same_words_sent()
    {
        const string Text = "Thanks, see you at ten.";
        var (alice, bob, psid, aliceThread, bobThread) = await TwoUsersOneCustomerAsync("Can I come by tomorrow?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 10, Times = 1 });
        await ReplyAsync(bob, bobThread, Text);
        var bobsReply = StaffReply(await MessagesAsync(bob, bobThread))!.Value.GetProperty("id").GetInt64();
        await using (var arrange = App.ScopeFor(bob.User.Id))
        {
            // As the Graph client leaves a reply whose send timed out after its retries: Meta may have it.
            await App.Db(arrange).MessengerMessages.Where(m => m.Id == bobsReply)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.FailureKind, SendFailure.Temporary).SetProperty(m => m.FailureReason, "Facebook did not answer in time."));
        }

        var answer = await ReplyAsync(alice, aliceThread, Text);
        Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("sent"), answer.ToString());
        await ProcessedAsync(bob);

        var bobsThread = await MessagesAsync(bob, bobThread);
        var bobs = bobsThread.Single(m => m.GetProperty("id").GetInt64() == bobsReply);
        var alices = bobsThread.Single(m => m.GetProperty("id").GetInt64() != bobsReply && m.GetProperty("text").GetString() == Text);
        Assert.Multiple(() =>
        {
            Assert.That(bobs.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(bobs.GetProperty("can_retry").GetBoolean(), Is.True);
            Assert.That(alices.GetProperty("sender_name").GetString(), Is.EqualTo(MessengerMessage.ColleagueSenderName));
            Assert.That(alices.GetProperty("mid").GetString(), Is.EqualTo(SentTo(psid).Single().MessageId));
        });
    }

    /// <summary>
    /// An attempt that timed out went out after all and its retry too: the first attempt's echo comes late, naming the
    /// reply, which has the retry's id by then. The customer has it twice; it is the author's, not a colleague's.
    /// </summary>
    [Test]
    public async Task A_late_echo_of_an_earlier_attempt_is_kept_as_the_replys_authors_not_a_colleagues()
    {
        const string Text = "Your order ships today.";
        var (alice, psid, thread) = await ConversationAsync("When does it ship?");
        var answer = await ReplyAsync(alice, thread, Text);
        var replyId = answer.GetProperty("message_id").GetInt64();

        var lateMid = await PostNamedEchoAsync(psid, Text, replyId, OwnAppId);
        await WaitForMessageAsync(alice, psid, lateMid);

        var messages = await MessagesAsync(alice, thread);
        var reply = messages.Single(m => m.GetProperty("id").GetInt64() == replyId);
        var late = messages.Single(m => m.GetProperty("mid").GetString() == lateMid);
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("mid").GetString(), Is.EqualTo(SentTo(psid).Single().MessageId), "the reply keeps its own send's id");
            Assert.That(late.GetProperty("sender").GetString(), Is.EqualTo("staff"));
            Assert.That(late.GetProperty("sender_name").GetString(), Is.EqualTo(reply.GetProperty("sender_name").GetString()));
            Assert.That(late.GetProperty("sender_name").GetString(), Is.Not.EqualTo(MessengerMessage.ColleagueSenderName));
        });
    }

    /// <summary>
    /// Two replies with the same words both timed out. The echo that names the second claims the second, not the older
    /// one its words would pick; an echo of another app that names a reply claims nothing.
    /// </summary>
    [Test]
    public async Task An_echo_claims_the_reply_its_metadata_names_and_another_apps_cannot_name_one()
    {
        const string Text = "I will check and come back to you.";
        var (alice, psid, thread) = await ConversationAsync("Is the green one back in stock?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 10, Times = 2 });
        var first = (await ReplyAsync(alice, thread, Text)).GetProperty("message_id").GetInt64();
        var second = (await ReplyAsync(alice, thread, Text)).GetProperty("message_id").GetInt64();
        await using (var arrange = App.ScopeFor(alice.User.Id))
        {
            // As the Graph client leaves replies whose sends timed out after their retries: Meta may have them.
            await App.Db(arrange).MessengerMessages.Where(m => m.Id == first || m.Id == second)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.FailureKind, SendFailure.Temporary).SetProperty(m => m.FailureReason, "Facebook did not answer in time."));
        }

        var othersMid = await PostNamedEchoAsync(psid, Text, second, "1234567890");
        await WaitForMessageAsync(alice, psid, othersMid);
        var afterOther = await MessagesAsync(alice, thread);
        var echoMid = await PostNamedEchoAsync(psid, Text, second, OwnAppId);
        await ProcessedAsync(alice);

        var messages = await MessagesAsync(alice, thread);
        Assert.Multiple(() =>
        {
            Assert.That(afterOther.Where(m => m.GetProperty("id").GetInt64() == first || m.GetProperty("id").GetInt64() == second)
                .Select(m => m.GetProperty("status").GetString()), Is.EqualTo(new[] { "failed", "failed" }), "another app's echo claims nothing");
            Assert.That(messages.Single(m => m.GetProperty("id").GetInt64() == second).GetProperty("mid").GetString(), Is.EqualTo(echoMid));
            Assert.That(messages.Single(m => m.GetProperty("id").GetInt64() == second).GetProperty("status").GetString(), Is.EqualTo("sent"));
            Assert.That(messages.Single(m => m.GetProperty("id").GetInt64() == first).GetProperty("status").GetString(), Is.EqualTo("failed"));
        });
    }

    private string OwnAppId => App.Services.GetRequiredService<MessengerOptions>().OwnAppId!;

    /// <summary>Meta's echo of a message <paramref name="appId"/> sent with metadata naming LeadOps reply <paramref name="replyId"/>; answers its new mid.</summary>
    private async Task<string> PostNamedEchoAsync(string psid, string text, long replyId, string appId)
    {
        var mid = "m_named_" + Guid.NewGuid().ToString("N");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var echo = MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow()), mid, text, appId);
        echo["message"]!["metadata"] = "leadops:reply:" + replyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await PostSignedWebhookAsync(MetaEvents.Messaging(echo));
        return mid;
    }

    private async Task<(Staff Alice, Staff Bob, string Psid, Guid AliceThread, Guid BobThread)> TwoUsersOneCustomerAsync(string question)
    {
        var alice = await NewStaffAsync();
        var bob = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, question);
        return (alice, bob, psid, await WaitForMessageAsync(alice, psid, mid), await WaitForMessageAsync(bob, psid, mid));
    }
}
