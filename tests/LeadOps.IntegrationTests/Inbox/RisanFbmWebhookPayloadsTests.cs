using System.Net.Http.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The bodies risan/fbm-webhook (a Node webhook handler) posts in <c>__tests__/integration.js</c>: one entry per event, each
/// entry only <c>{"messaging":[event]}</c> (no <c>id</c>, no <c>time</c>), and events that are not Meta's objects at all:
/// <c>{"message":true}</c>, <c>{"read":true}</c> and <c>{}</c> (its signature test); also its event-type fixtures
/// (<c>__tests__/get-event-type.js</c>): <c>{"message":{"is_echo":true}}</c>, <c>{"standby":true}</c>, <c>{"app_roles":true}</c>,
/// <c>{"pass_thread_control":true}</c> and <c>{"foo":true}</c>.
/// </summary>
public sealed class RisanFbmWebhookPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    /// <summary>
    /// Each body posted twice, signed, beside a real customer's message: the webhook answers 200, every delivery is kept and
    /// processed at the first attempt without an error, no conversation starts (no event names a customer or a page), and the
    /// customer's message is shown once.
    /// </summary>
    [Test]
    public async Task Events_that_name_no_one_are_kept_and_start_nothing()
    {
        var staff = await NewStaffAsync();
        var marker = "\"risan\":\"" + NewPsid() + "\"";
        var bodies = new[]
        {
            """{"object":"page","entry":[{"messaging":[{"message":true}]}],""" + marker + "}",
            """{"object":"page","entry":[{"messaging":[{"message":true}]},{"messaging":[{"read":true}]}],""" + marker + "}",
            """{"object":"page","entry":[{"messaging":[{}]}],""" + marker + "}",
            """{"object":"page","entry":[{"messaging":[{"message":{"is_echo":true}}]},{"messaging":[{"standby":true}]},{"messaging":[{"app_roles":true}]},{"messaging":[{"pass_thread_control":true}]},{"messaging":[{"foo":true}]}],""" + marker + "}",
        };
        var before = await ConversationCountAsync(staff);
        foreach (var body in bodies)
        {
            await PostSignedWebhookAsync(body);
            await PostSignedWebhookAsync(body);
        }

        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you rent e-bikes?");

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, marker), Has.Count.EqualTo(8).And.All.Matches<(Domain.Common.WebhookDeliveryStatus Status, int Attempts, string? Error)>(
                d => (d.Status == Domain.Common.WebhookDeliveryStatus.Processed || d.Status == Domain.Common.WebhookDeliveryStatus.Unroutable) && d.Attempts == 1 && d.Error == null));
            Assert.That(await ConversationCountAsync(staff), Is.EqualTo(before + 1), "only the real customer's conversation");
            Assert.That((await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "Do you rent e-bikes?" }));
        });
    }

    private static async Task<int> ConversationCountAsync(Staff staff) =>
        (await staff.Api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/conversations?page_id={SandboxSeed.MainPageId}&page_size=200"))
            .GetProperty("conversations").GetArrayLength();
}
