using DeliveryStatus = LeadOps.Domain.Common.WebhookDeliveryStatus;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The body's <c>object</c> says whose webhook it is. Instagram's messaging webhooks write the same <c>messaging[]</c>
/// events as Messenger's, under <c>"object":"instagram"</c> (developers.facebook.com/documentation/business-messaging/
/// instagram-messaging/webhooks: entry id "ID of your Instagram Professional account", sender "IGSID"). LeadOps answers
/// Messenger only: such a delivery is answered 200 and stored, but opens no Messenger conversation, even when its entry and
/// recipient carry the id of a connected page; the same event under <c>"object":"page"</c> does.
/// </summary>
public sealed class WebhookObjectTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task An_instagram_delivery_naming_a_connected_page_is_stored_but_opens_no_messenger_conversation()
    {
        var staff = await NewStaffAsync();
        var (igsid, customer) = (NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        string Events(string sender) => $$$"""
            {"sender":{"id":"{{{sender}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_obj_{{{sender}}}","text":"Do you ship to Porto?"}},
            {"sender":{"id":"{{{sender}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 1}}},"postback":{"mid":"m_tap_{{{sender}}}","title":"Opening hours","payload":"HOURS"}}
            """;
        var instagram = $$"""{"object":"instagram","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[{{Events(igsid)}}]}]}""";

        await PostSignedWebhookAsync(instagram); // answers 200 (asserted there)
        await PostSignedWebhookAsync(instagram.Replace("\"instagram\"", "\"page\"", StringComparison.Ordinal).Replace(igsid, customer, StringComparison.Ordinal));
        var id = await WaitForMessageAsync(staff, customer, "m_obj_" + customer);
        await ProcessedAsync(staff);

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var delivery = await App.Db(scope).WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Body.Contains("m_obj_" + igsid));
            Assert.That((delivery.Status, delivery.Attempts, delivery.LastError), Is.EqualTo((DeliveryStatus.Processed, 1, (string?)null)), "stored, as Meta sent it");
            Assert.That(delivery.Body, Is.EqualTo(instagram));
        }

        var thread = (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString());
        var fromInstagram = await FindConversationAsync(staff, igsid);
        Assert.Multiple(() =>
        {
            Assert.That(fromInstagram, Is.Null, "an Instagram customer is no Messenger conversation");
            Assert.That(thread, Is.EqualTo(new[] { "Do you ship to Porto?", "Tapped: Opening hours" }), "the same events from a page are Messenger's");
        });
    }
    /// <summary>
    /// Meta's Instagram Platform "Webhook Notification Examples" (developers.facebook.com/docs/instagram-platform/webhooks/
    /// examples, "Common parameters of notifications") print a delivery as a list of bodies, <c>[ {"object":"instagram",
    /// "entry":[…]} ]</c>. Such a delivery was refused with 400 and never stored; it is answered 200 and stored once, its
    /// Instagram body opens nothing and a Page body beside it reaches the Inbox.
    /// </summary>
    [Test]
    public async Task A_delivery_written_as_a_list_of_bodies_is_stored_and_its_page_body_reaches_the_inbox()
    {
        var staff = await NewStaffAsync();
        var (igsid, customer) = (NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        string Body(string name, string sender) => $$$"""
            {"object":"{{{name}}}","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{sender}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_list_{{{sender}}}","text":"Still open?"}}]}]}
            """;
        var delivery = $"[\n{Body("instagram", igsid)},\n{Body("page", customer)}\n]";

        await PostSignedWebhookAsync(delivery); // answers 200 (asserted there)
        var id = await WaitForMessageAsync(staff, customer, "m_list_" + customer);
        await ProcessedAsync(staff);

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var stored = await App.Db(scope).WebhookDeliveries.AsNoTracking().Where(d => d.Body.Contains("m_list_" + igsid)).ToListAsync();
            Assert.That(stored.Select(d => (d.Body, d.Status, d.Attempts)), Is.EqualTo(new[] { (delivery, DeliveryStatus.Processed, 1) }), "stored once, as sent");
        }

        var fromInstagram = await FindConversationAsync(staff, igsid);
        var thread = (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(fromInstagram, Is.Null, "the Instagram body opens nothing");
            Assert.That(thread, Is.EqualTo(new[] { "Still open?" }), "the Page body is read");
        });
    }
}
