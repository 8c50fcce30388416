using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger webhook bodies in the shapes other public projects keep as fixtures and samples (their repository and file
/// named on each test, as the source of the shape), ids and times moved to this test's page and clock, posted signed
/// to the real /webhook: what staff see is what the customer or Meta said, and what LeadOps does not act on is skipped
/// without costing the rest of the delivery.
/// </summary>
public sealed class PublicProjectPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// The policy notice as Meta's older reference printed it, with a hyphen in the key: <c>"policy-enforcement":
    /// {"action":"block","reason":…}</c> (kept in codustry/songmam, <c>songmam/facebook/entries/policy_enforcement.py</c>,
    /// and in Yoctol/bottender, <c>packages/bottender/src/messenger/__tests__/MessengerEvent.spec.ts</c>). A block so
    /// spelt stops replies with Meta's reason, and an unblock so spelt lifts it.
    /// </summary>
    [Test]
    public async Task A_policy_notice_spelt_with_a_hyphen_blocks_and_unblocks_replies()
    {
        var staff = await NewStaffAsync();
        var id = await CustomerWritesAsync(staff, NewPsid(), "Hello");
        const string Reason = "The bot violated our Platform Policies (https://developers.facebook.com/policy/#messengerplatform). Common violations include sending out excessive spammy messages or being non-functional.";
        string Notice(string policy) => $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}},"messaging":[
              {"recipient":{"id":"{{Page}}"},"timestamp":{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}},"policy-enforcement":{{policy}}}
            ]}]}
            """;

        Clock.Advance(TimeSpan.FromMinutes(1));
        await PostSignedWebhookAsync(Notice($$"""{"action":"block","reason":"{{Reason}}"}"""));
        await ProcessedAsync(staff);
        var blocked = await DetailAsync(staff, id);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await PostSignedWebhookAsync(Notice("""{"action":"unblock"}"""));
        await ProcessedAsync(staff);
        var unblocked = await DetailAsync(staff, id);

        Assert.Multiple(() =>
        {
            Assert.That(blocked.GetProperty("can_reply").GetBoolean(), Is.False, "the block reached the Inbox");
            Assert.That(blocked.GetProperty("reply_note").GetString(), Is.EqualTo("Meta blocked this page from messaging: " + Reason));
            Assert.That(unblocked.GetProperty("can_reply").GetBoolean(), Is.True, "the unblock lifts it");
        });
    }
}
