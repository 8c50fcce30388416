using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger webhook bodies in the form Meta's webhook reference pages print them: one bare <c>{"field","value"}</c>
/// change with no <c>object</c> or <c>entry</c>. Posted signed over the real app, each reaches the Inbox once.
/// </summary>
public sealed class DocumentedMessengerSamplesTests(DatabaseKind database) : InboxFixture(database)
{
    /// <summary>messenger-platform/reference/webhook-events/messaging_postbacks: the sample, with a string of seconds for its timestamp.</summary>
    [Test]
    public async Task The_postback_reference_sample_as_a_bare_change_opens_a_conversation_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var sample = $$"""
            {
              "field": "messaging_postbacks",
              "value": {
                "sender": {"id": "{{psid}}"},
                "recipient": {"id": "{{SandboxSeed.MainPageId}}"},
                "timestamp": "{{Clock.GetUtcNow().ToUnixTimeSeconds()}}",
                "postback": {"mid": "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_{{psid}}", "title": "Get Started", "payload": "GET_STARTED"}
              }
            }
            """;

        await PostSignedWebhookAsync(sample);
        await PostSignedWebhookAsync(sample);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        Assert.That(id, Is.Not.Null, "the tap reached the Inbox");
        var taps = await MessagesAsync(staff, id!.Value);
        Assert.That(taps.Select(m => m.GetProperty("postback_payload").GetString()), Is.EqualTo(new[] { "GET_STARTED" }), "kept once");
    }

    /// <summary>messenger-platform/reference/webhook-events/messages: a text message with a quick reply, as a bare change.</summary>
    [Test]
    public async Task The_messages_reference_sample_as_a_bare_change_keeps_its_text()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = "m_1457764197618_" + psid;
        var sample = $$$"""
            {"field":"messages","value":{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{SandboxSeed.MainPageId}}}"},"timestamp":{{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}}},
              "message":{"mid":"{{{mid}}}","text":"hello, world!","quick_reply":{"payload":"DEVELOPER_DEFINED_PAYLOAD"}}
            }}
            """;

        await PostSignedWebhookAsync(sample);
        var id = await WaitForMessageAsync(staff, psid, mid);

        var message = (await MessagesAsync(staff, id)).Single();
        Assert.That(message.GetProperty("text").GetString(), Is.EqualTo("hello, world!"));
    }
}
