using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Two message shapes Meta's documentation prints that LeadOps read wrongly, sent by the sandbox and posted signed to the
/// real /webhook: a reaction written inside a message (the "Replies and Reactions Webhooks" page) and a reply to a story
/// (<c>reply_to.story {url, id}</c>, as Meta's Instagram messaging webhooks write it).
/// </summary>
public sealed class ReactionAndStoryShapesTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// messenger-platform/webhook/reply_and_reactions prints the reaction schema as <c>message:{reaction:{reaction, emoji,
    /// action, mid}}</c>. Such a reaction shows on the staff reply it names, and its unreact takes it off again; neither adds
    /// a message to the thread (it was read as a customer message with nothing in it, and the heart was lost).
    /// </summary>
    [Test]
    public async Task A_reaction_written_inside_a_message_shows_on_the_reply_it_names_and_adds_no_message()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you deliver to Porto?");
        (await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "We do, within two days." })).EnsureSuccessStatusCode();
        var replyMid = SentTo(psid).Single().MessageId;
        var inside = new MessengerShape { ReactionInsideMessage = true };

        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Reacts(Page, psid, replyMid, "❤️", "love", shape: inside);
        await ProcessedAsync(staff);
        var reacted = await MessagesAsync(staff, id);
        var sent = Meta.WebhookDeliveries.Last(d => d.Field == "message_reactions" && d.Body.Contains(psid, StringComparison.Ordinal)).Body;

        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Reacts(Page, psid, replyMid, unreact: true, shape: inside);
        await ProcessedAsync(staff);
        var unreacted = await MessagesAsync(staff, id);

        static JsonElement Reply(IEnumerable<JsonElement> thread) => thread.Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.Multiple(() =>
        {
            Assert.That(sent, Does.Contain("\"message\":{\"reaction\":{"), "the sandbox wrote the reaction inside a message");
            Assert.That(reacted.Select(m => m.GetProperty("sender").GetString()), Is.EqualTo(new[] { "customer", "staff" }), "no message was added for the reaction");
            Assert.That(Reply(reacted).GetProperty("reaction").GetProperty("emoji").GetString(), Is.EqualTo("❤️"));
            Assert.That(Reply(reacted).GetProperty("reaction").GetProperty("name").GetString(), Is.EqualTo("love"));
            Assert.That(unreacted, Has.Count.EqualTo(2), "nor for the unreact");
            Assert.That(Reply(unreacted).GetProperty("reaction").ValueKind, Is.EqualTo(JsonValueKind.Null), "the unreact took it off");
        });
    }

    /// <summary>
    /// A reply to a story carries no quoted message, only <c>reply_to.story {url, id}</c> (restfb/restfb issue #1246 records
    /// it so from Meta). The customer's words are kept with the story as a link beside them ("Reply to a story"), not copied
    /// (Meta's link is the story's media, which lapses with the story); before, the thread showed the words without it.
    /// </summary>
    [Test]
    public async Task A_reply_to_a_story_keeps_the_words_and_a_link_to_the_story()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        const string StoryUrl = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18040775032372871&signature=Abyyr4prldgT6f3";
        var mid = Meta.Customers.Writes(Page, psid, new CustomerMessage("Is this bike still available?") { ReplyToStory = new SandboxStory("18040775032372871", StoryUrl) });
        var id = await WaitForMessageAsync(staff, psid, mid);
        var onlyStory = Meta.Customers.Writes(Page, psid, new CustomerMessage { ReplyToStory = new SandboxStory("18040775032372872", StoryUrl + "2") });
        await WaitForMessageAsync(staff, psid, onlyStory);
        await ProcessedAsync(staff);

        var thread = await MessagesAsync(staff, id);
        var sent = Meta.WebhookDeliveries.First(d => d.Body.Contains(mid, StringComparison.Ordinal)).Body;
        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Does.Contain("\"reply_to\":{\"story\":{\"url\":"), "the sandbox wrote Meta's form");
            Assert.That(thread[0].GetProperty("text").GetString(), Is.EqualTo("Is this bike still available?"));
            var story = thread[0].GetProperty("attachments").EnumerateArray().Single();
            Assert.That(story.GetProperty("type").GetString(), Is.EqualTo("story_reply"));
            Assert.That(story.GetProperty("url").GetString(), Is.EqualTo(StoryUrl));
            Assert.That(story.GetProperty("file_url").ValueKind, Is.EqualTo(JsonValueKind.Null), "Meta's link, not a copy");
            Assert.That(thread[1].GetProperty("attachments").EnumerateArray().Single().GetProperty("url").GetString(), Is.EqualTo(StoryUrl + "2"));
            Assert.That(conversation.GetProperty("last_message_preview").GetString(), Is.EqualTo("Reply to a story"), "a reply with nothing else says so in the list");
        });
    }
}
