using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Meta's echo that shows a LeadOps reply sent (one Meta took without a confirmation LeadOps could store) is that reply:
/// what the echo carries (its attachments, such as the link preview Meta adds) and the receipts that follow for its id
/// are the reply's, as they would be for a reply whose send answer named its id.
/// </summary>
public sealed class EchoClaimKeepsTests(DatabaseKind database) : InboxFixture(database)
{
    /// <summary>
    /// The sandbox posts its webhooks half a second late (real time), as Meta and a loaded machine may: its echo of the
    /// reply is still on its way when the reply's answer comes back, and must not reach the app then.
    /// </summary>
    protected override SandboxOptions SandboxOptions()
    {
        var options = base.SandboxOptions();
        options.WebhookDelay = TimeSpan.FromMilliseconds(500);
        return options;
    }

    [Test]
    public async Task A_reply_an_echo_claimed_keeps_the_echos_attachments_and_the_receipts_that_follow()
    {
        var (staff, psid, id) = await ConversationAsync("Where can I see the prices?");
        const string Text = "Here: https://shop.example/prices";
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.DoneButInvalidReply, Times = 1 });
        var answer = await ReplyWithoutSandboxWebhooksAsync(staff, id, Text); // the sandbox's own echo stays away: the test posts Meta's
        Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("sending"), answer.ToString());

        var mid = await PostOwnEchoAsync(psid, "m_reply_", Text, """[{"type":"fallback","payload":null,"title":"Prices","URL":"https://shop.example/prices"}]""");
        await HangGuard.UntilAsync("the echo claimed the reply", async _ => StaffReply(await MessagesAsync(staff, id))?.GetProperty("mid").GetString() == mid);

        Clock.Advance(TimeSpan.FromSeconds(1));
        var later = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$$$"""
            {"object":"page","entry":[{"id":"{{{{SandboxSeed.MainPageId}}}}","time":{{{{later}}}},"messaging":[{"sender":{"id":"{{{{psid}}}}"},
            "recipient":{"id":"{{{{SandboxSeed.MainPageId}}}}"},"timestamp":{{{{later}}}},"delivery":{"mids":["{{{{mid}}}}"],"watermark":{{{{later}}}}}}]}]}
            """);
        await ProcessedAsync(staff);

        var reply = StaffReply(await MessagesAsync(staff, id))!.Value;
        var thread = await MessagesAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("delivered"), "the receipt for the echo's id is the reply's");
            Assert.That(reply.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "fallback" }),
                "the echo's link preview is kept on the reply");
            Assert.That(thread.Count(m => m.GetProperty("text").GetString() == Text), Is.EqualTo(1), "the echo is the reply, not a second message");
        });
    }
}
