using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Domain.Conversations;
using LeadOps.Infrastructure.Webhooks;
using Moq;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// An edit (<c>message_edit</c>) of a message LeadOps does not have in the event's own thread: the message it names is
/// looked up once, and what that lookup found decides (a duplicate when the id is stored in another thread).
/// </summary>
public sealed class CustomerEditLookupTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static MessengerWebhookEvent Edit(string sender, string recipient)
    {
        using var document = JsonDocument.Parse(
            """{"object":"page","entry":[{"id":"108","time":1,"messaging":[{"sender":{"id":""" + $"\"{sender}\"" + """},"recipient":{"id":""" + $"\"{recipient}\"" +
            """},"timestamp":1763640000000,"message_edit":{"mid":"m_1","text":"Fixed","num_edit":1}}]}]}""");
        return WebhookPayload.MessengerEvents(document.RootElement, Received).Single();
    }

    /// <summary>The store holds <c>m_1</c> in another customer's thread of the page.</summary>
    private static Mock<IConversationRepository> StoredElsewhere()
    {
        var other = Conversation.Start(1, "108", "7999", Received);
        var stored = MessengerMessage.FromCustomer(other.Id, "m_1", "Original", Received);
        var conversations = new Mock<IConversationRepository>();
        conversations.Setup(c => c.FindMessageAsync("m_1", It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        conversations.Setup(c => c.GetAsync(other.Id, It.IsAny<CancellationToken>())).ReturnsAsync(other);
        conversations.Setup(c => c.MessageExistsAsync("m_1", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        return conversations;
    }

    private static Task<MessengerEventOutcome> RecordAsync(Mock<IConversationRepository> conversations, MessengerWebhookEvent e) =>
        new CustomerEventRecorder(conversations.Object, null!, null!, null!, TimeProvider.System).EditAsync(null!, e, CancellationToken.None);

    [Test]
    public async Task A_customers_edit_of_an_id_stored_in_another_thread_is_a_duplicate_found_by_one_lookup()
    {
        var conversations = StoredElsewhere();

        var outcome = await RecordAsync(conversations, Edit("7001", "108"));

        Assert.That(outcome, Is.EqualTo(MessengerEventOutcome.Duplicate));
        conversations.Verify(c => c.FindMessageAsync("m_1", It.IsAny<CancellationToken>()), Times.Once);
        conversations.Verify(c => c.MessageExistsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never, "the id is not looked up a second time");
    }

    [Test]
    public async Task A_pages_edit_of_an_id_stored_in_another_thread_is_ignored()
    {
        var conversations = StoredElsewhere();

        var outcome = await RecordAsync(conversations, Edit("108", "7001"));

        Assert.That(outcome, Is.EqualTo(MessengerEventOutcome.Ignored));
        conversations.Verify(c => c.FindMessageAsync("m_1", It.IsAny<CancellationToken>()), Times.Once);
        conversations.Verify(c => c.MessageExistsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
