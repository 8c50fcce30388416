using System.Net;
using LeadOps.GraphSandbox;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class GraphSandboxMessagingTests : SandboxFixture
{
    [Test]
    public async Task A_response_within_24_hours_is_sent_and_recorded()
    {
        var answer = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Olá! Saturday at 10:00 works.");

        var sent = Graph.SentMessages.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Json.GetProperty("recipient_id").GetString(), Is.EqualTo(SandboxSeed.CustomerWroteOneHourAgoPsid));
            Assert.That(answer.Json.GetProperty("message_id").GetString(), Does.StartWith("m_"));
            Assert.That(sent.PageId, Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(sent.Text, Is.EqualTo("Olá! Saturday at 10:00 works."));
            Assert.That(sent.MessagingType, Is.EqualTo("RESPONSE"));
            Assert.That(sent.Tag, Is.Null);
            Assert.That(sent.MessageId, Is.EqualTo(answer.Json.GetProperty("message_id").GetString()));
        }
    }

    [Test]
    public async Task Me_messages_sends_as_the_tokens_page()
    {
        var answer = await Http.PostJsonAsync("me/messages", new
        {
            recipient = new { id = SandboxSeed.CustomerWroteOneHourAgoPsid },
            messaging_type = "RESPONSE",
            message = new { text = "Hi" },
        });

        Assert.That(answer.IsError, Is.False);
        Assert.That(Graph.SentMessages.Single().PageId, Is.EqualTo(SandboxSeed.MainPageId));
    }

    [Test]
    public async Task A_response_three_days_after_the_last_message_is_refused_with_10_2018278()
    {
        var answer = await Http.SendToAsync(SandboxSeed.CustomerWroteThreeDaysAgoPsid, "Hello again");

        Assert.That((answer.ErrorCode, answer.ErrorSubcode), Is.EqualTo((10, (int?)2018278)));
        Assert.That(Graph.SentMessages, Is.Empty);
    }

    [Test]
    public async Task A_human_agent_reply_three_days_after_is_allowed()
    {
        var answer = await Http.SendToAsync(SandboxSeed.CustomerWroteThreeDaysAgoPsid, "Sorry for the delay", "MESSAGE_TAG", "HUMAN_AGENT");

        Assert.That(answer.IsError, Is.False);
        Assert.That(Graph.SentMessages.Single().Tag, Is.EqualTo("HUMAN_AGENT"));
    }

    [Test]
    public async Task Eight_days_after_even_a_human_agent_reply_is_refused_with_10_2018278()
    {
        var response = await Http.SendToAsync(SandboxSeed.CustomerWroteEightDaysAgoPsid, "Hi");
        var humanAgent = await Http.SendToAsync(SandboxSeed.CustomerWroteEightDaysAgoPsid, "Hi", "MESSAGE_TAG", "HUMAN_AGENT");

        Assert.That((response.ErrorCode, response.ErrorSubcode), Is.EqualTo((10, (int?)2018278)));
        Assert.That((humanAgent.ErrorCode, humanAgent.ErrorSubcode), Is.EqualTo((10, (int?)2018278)));
    }

    [Test]
    public async Task A_customer_who_blocked_the_page_gets_551()
    {
        var answer = await Http.SendToAsync(SandboxSeed.CustomerWhoBlockedPagePsid, "Hi");

        Assert.That(answer.ErrorCode, Is.EqualTo(551));
    }

    [Test]
    public async Task Text_over_2000_characters_is_error_100_and_2000_is_fine()
    {
        var tooLong = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, new string('x', 2001));
        var longest = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, new string('x', 2000));

        Assert.That(tooLong.ErrorCode, Is.EqualTo(100));
        Assert.That(longest.IsError, Is.False);
    }

    [Test]
    public async Task An_unknown_psid_is_error_100()
    {
        var answer = await Http.SendToAsync("7009999999999999", "Hi");

        Assert.That(answer.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task A_message_tag_without_a_valid_tag_is_error_100()
    {
        var answer = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Hi", "MESSAGE_TAG", "SOMETHING");

        Assert.That(answer.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task A_new_customer_message_reopens_the_24_hour_window()
    {
        Graph.CustomerSendsMessage(SandboxSeed.MainPageId, SandboxSeed.CustomerWroteEightDaysAgoPsid, "Are you open today?");

        var answer = await Http.SendToAsync(SandboxSeed.CustomerWroteEightDaysAgoPsid, "Yes, until 19:00.");

        Assert.That(answer.IsError, Is.False);
        Assert.That(Graph.GetConversation(SandboxSeed.MainPageId, SandboxSeed.CustomerWroteEightDaysAgoPsid)[^1].FromPage, Is.True);
    }

    [Test]
    public async Task The_window_closes_when_the_clock_passes_24_hours()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions { TimeProvider = clock });
        using var client = new SandboxClient(server.BaseAddress);

        clock.Advance(TimeSpan.FromHours(23) - TimeSpan.FromMinutes(1));
        var inside = await client.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Still here");
        clock.Advance(TimeSpan.FromMinutes(2));
        var outside = await client.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Too late");

        Assert.That(inside.IsError, Is.False);
        Assert.That(outside.ErrorSubcode, Is.EqualTo(2018278));
    }

    [Test]
    public async Task Sending_to_a_page_other_than_the_tokens_page_is_error_100()
    {
        var otherPage = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Hi", pageId: SandboxSeed.NotSubscribedPageId);

        Assert.That(otherPage.ErrorCode, Is.EqualTo(100));
    }
}
