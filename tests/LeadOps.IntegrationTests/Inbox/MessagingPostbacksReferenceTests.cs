using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Meta's "messaging_postbacks Webhooks Reference" (messenger-platform/webhooks/webhook-events/messaging_postbacks, updated
/// Feb 26, 2026) prints its sample tap's referral with <c>"source":"SHORT-URL"</c>, while its table says that for m.me links
/// "the value of source is SHORTLINK"; its Postback Button Setup page prints the same sample with <c>SHORT_URL</c>. Each names
/// the m.me link (the sandbox's returner arrives with <c>SHORT_URL</c>).
/// </summary>
public sealed class MessagingPostbacksReferenceTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static async Task<string?> ReferralNoteAsync(Staff staff, Guid id) =>
        (await MessagesAsync(staff, id)).Where(m => m.GetProperty("kind").GetString() == "referral").Select(m => m.GetProperty("text").GetString()).LastOrDefault();

    /// <summary>
    /// The reference's sample as the App Dashboard sends it (<c>changes[]</c>, <c>"timestamp"</c> a string of seconds), from a
    /// customer with a PSID, comes twice: the tap is kept once and the thread says the customer came from the m.me link, as
    /// for <c>SHORTLINK</c> (it said "Came from short-url"). A customer who comes back days later through such a link
    /// (<c>messaging_referrals</c>) reopens the window as an m.me link does; the sandbox writes that referral too, and a
    /// standard reply then goes out.
    /// </summary>
    [Test]
    public async Task A_short_url_referral_is_the_m_me_link()
    {
        var staff = await NewStaffAsync();
        var (tapper, returner, sandboxReturner) = (NewPsid(), NewPsid(), NewPsid());
        var tap = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}},"changes":[{"field":"messaging_postbacks","value":{
              "sender":{"id":"{{tapper}}"},"recipient":{"id":"{{Page}}"},"timestamp":"{{Clock.GetUtcNow().ToUnixTimeSeconds()}}",
              "postback":{"mid":"m_MESSAGE-ID{{tapper}}","title":"TITLE-FOR-THE-CTA","payload":"USER-DEFINED-PAYLOAD",
                "referral":{"ref":"USER-DEFINED-REFERRAL-PARAM","source":"SHORT-URL","type":"OPEN_THREAD"} } } } ] } ] }
            """;
        await PostSignedWebhookAsync(tap);
        await PostSignedWebhookAsync(tap);
        await CustomerWritesAsync(staff, returner, "Do you rent e-bikes?");
        var sandboxId = await CustomerWritesAsync(staff, sandboxReturner, "Do you rent tandems?");
        var tapperId = await FindConversationAsync(staff, tapper);

        Clock.Advance(TimeSpan.FromDays(2));
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[{"sender":{"id":"{{returner}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{at}},
              "referral":{"ref":"spring","source":"SHORT-URL","type":"OPEN_THREAD"} } ] } ] }
            """);
        Meta.Customers.ArrivesFrom(Page, sandboxReturner, new SandboxReferral("SHORT_URL", "summer"));
        await ProcessedAsync(staff);
        var returnerId = await FindConversationAsync(staff, returner);
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{sandboxId}/messages", new { text = "Yes, two of them." });
        var sent = await reply.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, $"m_MESSAGE-ID{tapper}"), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(tapperId is { } t ? (await MessagesAsync(staff, t)).Select(m => m.GetProperty("text").GetString()) : [],
                Is.EqualTo(new[] { "Tapped: TITLE-FOR-THE-CTA", "Came from shortlink · ref USER-DEFINED-REFERRAL-PARAM" }));
            Assert.That(returnerId is { } r ? await ReferralNoteAsync(staff, r) : null, Is.EqualTo("Came from shortlink · ref spring"));
            Assert.That(returnerId is { } open ? (await ConversationAsync(staff, open)).GetProperty("window").GetProperty("kind").GetString() : null, Is.EqualTo("standard"), "the m.me link reopened the 24-hour window");
            Assert.That(await ReferralNoteAsync(staff, sandboxId), Is.EqualTo("Came from shortlink · ref summer"));
            Assert.That((sent.GetProperty("status").GetString(), sent.GetProperty("messaging_type").GetString()), Is.EqualTo(("sent", "RESPONSE")), sent.GetRawText());
            Assert.That(SentTo(sandboxReturner), Has.Count.EqualTo(1), "Meta took the standard reply");
        });
    }
}
