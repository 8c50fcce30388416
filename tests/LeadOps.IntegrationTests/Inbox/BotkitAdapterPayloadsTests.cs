using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The bodies howdyai/botkit's Facebook adapter posts in its tests (<c>packages/botbuilder-adapter-facebook/tests/FacebookAdapter.tests.js</c>):
/// no <c>object</c>, an entry with neither <c>id</c> nor <c>time</c>, events with no <c>timestamp</c>, the page and the
/// customer as JSON numbers, a message with no <c>mid</c> carrying text and a message-level <c>sticker_id</c>, a tap with only
/// a <c>payload</c>, an echo with no <c>mid</c>, and a read naming a <c>mid</c> (a number) and no <c>watermark</c>.
/// </summary>
public sealed class BotkitAdapterPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// The customer's text and tap are kept; the echo without a mid and the read without a watermark are skipped; nothing
    /// fails. Botkit writes the echo with the customer as
    /// <c>sender</c> and the page as <c>recipient</c>, in an entry naming no page: it was taken as a message of a page named by
    /// the customer's id and its delivery left unroutable (an echo with a <c>mid</c>, the same otherwise, was lost from the
    /// thread); the recipient is now taken for the page when only it is connected, and the echo shows as the page's message.
    /// </summary>
    [Test]
    public async Task Botkits_adapter_bodies_keep_the_customers_words_and_tap_once_and_fail_nothing()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        string Body(string item) => $$"""{"entry":[{"messaging":[{"sender":{"id":{{psid}}},"recipient":{"id":{{Page}}},{{item}}}]}]}""";
        var message = Body(""" "message":{"text":"Hello!","sticker_id":1} """);
        var tap = Body(""" "postback":{"payload":"Hello again!"} """);
        var echo = Body(""" "message":{"is_echo":true,"text":"Hello from the page!"} """);
        var read = Body(""" "read":{"mid":1} """);
        var echoWithMid = Body($$""" "message":{"is_echo":true,"mid":"m_echo{{psid}}","text":"We open at nine."} """);

        foreach (var body in new[] { message, tap, echo, read, echoWithMid })
        {
            await PostSignedWebhookAsync(body);
        }

        await ProcessedAsync(staff);

        // The sandbox writes an echo the same way (the Page inbox answering); it shows as the page's message too.
        Clock.Advance(TimeSpan.FromMinutes(1));
        var sandboxEcho = Meta.Customers.PageInboxAnswers(Page, psid, "See you tomorrow.", new MessengerShape { Envelope = MessengerEnvelope.NoPageNamed });
        await WaitForMessageAsync(staff, psid, sandboxEcho);
        var sent = Meta.WebhookDeliveries.Last(d => d.Body.Contains(sandboxEcho, StringComparison.Ordinal)).Body;

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        List<(Domain.Common.WebhookDeliveryStatus, string?)> deliveries;
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            deliveries = (await App.Db(scope).WebhookDeliveries.AsNoTracking().Where(d => d.Body.Contains(psid)).ToListAsync()).Select(d => (d.Status, d.LastError)).ToList();
        }

        Assert.Multiple(() =>
        {
            Assert.That(sent, Does.Contain($"\"sender\":{{\"id\":\"{psid}\"}}").And.Not.Contain($"\"id\":\"{Page}\",\"time\""), "the sandbox wrote botkit's form");
            Assert.That(deliveries, Has.Count.EqualTo(6).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, (string?)null)));
            Assert.That(thread.Select(m => $"{m.GetProperty("kind").GetString()}|{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}|{m.GetProperty("postback_payload").GetString()}"),
                Is.EqualTo(new[] { "message|inbound|Hello!|", "postback|inbound|Tapped: Hello again!|Hello again!", "message|outbound|We open at nine.|", "message|outbound|See you tomorrow.|" }), string.Join(" | ", thread.Select(m => m.GetRawText())));
        });
    }
}
