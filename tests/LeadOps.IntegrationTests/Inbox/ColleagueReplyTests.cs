using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

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

    private async Task<(Staff Alice, Staff Bob, string Psid, Guid AliceThread, Guid BobThread)> TwoUsersOneCustomerAsync(string question)
    {
        var alice = await NewStaffAsync();
        var bob = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, question);
        return (alice, bob, psid, await WaitForMessageAsync(alice, psid, mid), await WaitForMessageAsync(bob, psid, mid));
    }
}
