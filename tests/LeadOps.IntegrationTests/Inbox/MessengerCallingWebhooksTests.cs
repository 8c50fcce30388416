using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger Calling's webhooks ("Calling webhooks", messenger-platform/calling/webhooks, updated Mar 23, 2026; the call flows
/// of messenger-platform/calling/consumer2biz/call-flow and biz2consumer/call-flow, updated Apr 2, 2026), which reach the same
/// callback when an app subscribes the <c>calls</c> and <c>call_permission_reply</c> fields. LeadOps offers no calling and
/// subscribes neither field; such events are skipped without an error, start no conversation, and never cost the Messenger
/// events of the same delivery.
/// </summary>
public sealed class MessengerCallingWebhooksTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// The page's entry holds <c>calls[]</c> beside <c>messaging[]</c>: a customer's call (<c>connect</c>, <c>from</c> the PSID,
    /// <c>to</c> the page, <c>timestamp</c> in seconds, <c>call_direction</c> <c>user_initiated</c>), a business call's
    /// <c>call_status</c> (<c>recipient_id</c>, <c>ringing</c>), a <c>media_update</c> with an SDP <c>session</c>, and the
    /// <c>terminate</c>; the same caller wrote a message in the same entry. A second delivery carries Meta's
    /// <c>call_permission_reply</c> as the business-initiated flow prints it (the event itself in <c>entry[]</c>: <c>sender</c>,
    /// <c>recipient</c>, <c>timestamp</c> and <c>call_permission_reply {response, expiration_timestamp}</c>, no <c>id</c> or
    /// <c>time</c>), and a third the same reply inside <c>messaging[]</c> and as a <c>calls</c> change (the dashboard's test form).
    /// </summary>
    [Test]
    public async Task Call_events_are_skipped_and_the_callers_message_beside_them_is_kept_once()
    {
        var staff = await NewStaffAsync();
        var (caller, called) = (NewPsid(), NewPsid());
        var at = Clock.GetUtcNow();
        var (seconds, millis) = (at.ToUnixTimeSeconds(), at.ToUnixTimeMilliseconds());
        var mid = $"m_call{caller}";
        var callId = $"c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ{caller}";
        var calls = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{seconds}},
              "calls":[
                {"id":"{{callId}}","to":"{{Page}}","from":"{{caller}}","event":"connect","timestamp":{{seconds}},"call_direction":"user_initiated"},
                {"id":"c_{{called}}","event":"call_status","timestamp":{{seconds}},"recipient_id":"{{called}}","call_status":"ringing"},
                {"id":"{{callId}}","event":"media_update","timestamp":{{seconds + 1}},"session":{"version":1,"sdp_renegotiation":{"sdp_type":"offer","sdp":"v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n"} } },
                {"id":"{{callId}}","to":"{{Page}}","from":"{{caller}}","event":"terminate","timestamp":{{seconds + 60}},"call_direction":"user_initiated"}
              ],
              "messaging":[{"sender":{"id":"{{caller}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{millis + 61_000}},"message":{"mid":"{{mid}}","text":"Sorry, the call dropped"} }]
            }]}
            """;
        var reply = $$"""
            {"object":"page","entry":[{"sender":{"id":"{{called}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{seconds}},
              "call_permission_reply":{"response":"approve","expiration_timestamp":"{{seconds + 604_800}}"} }]}
            """;
        var replyElsewhere = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{millis}},
              "messaging":[{"sender":{"id":"{{called}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{seconds}},"call_permission_reply":{"response":"reject"} }],
              "changes":[{"field":"calls","value":{"id":"c_{{called}}","to":"{{called}}","from":"{{Page}}","event":"connect","timestamp":{{seconds}},"call_direction":"business_initiated"} }]
            }]}
            """;

        await PostSignedWebhookAsync(calls);
        await PostSignedWebhookAsync(calls);
        await PostSignedWebhookAsync(reply);
        await PostSignedWebhookAsync(replyElsewhere);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, caller);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        var processed = (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null);
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, callId), Is.EqualTo(new[] { processed, processed }));
            Assert.That(await DeliveriesAsync(staff, "c_" + called), Is.EqualTo(new[] { processed, processed, processed }), "the calls (twice) and the reply in messaging[]");
            Assert.That(await DeliveriesAsync(staff, "\"response\":\"approve\""), Is.EqualTo(new[] { processed }),
                "the reply printed as an entry names no page: processed at the first attempt, never failed");
            Assert.That(thread.Select(m => $"{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}"), Is.EqualTo(new[] { "inbound|Sorry, the call dropped" }));
            Assert.That(await FindConversationAsync(staff, called), Is.Null, "a call permission reply or a business call starts nothing");
        });
    }
}
