using LeadOps.Application.Conversations.Commands;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// The send-message rules live in the validator alone; the brief's endpoint only translates its failures, so the
/// messages and error codes here are what its 422 answer says.
/// </summary>
public sealed class SendAdminMessageValidatorTests
{
    private static readonly Guid Conversation = Guid.NewGuid();

    private static IReadOnlyList<(string Field, string Message, string Code)> Failures(SendAdminMessage command) =>
        [.. new SendAdminMessageValidator().Validate(command).Errors.Select(f => (f.PropertyName, f.ErrorMessage, f.ErrorCode))];

    [TestCase("")]
    [TestCase("   \n ")]
    public void A_blank_message_is_too_short(string text) =>
        Assert.That(Failures(new SendAdminMessage(Conversation, text)), Is.EqualTo(new[]
        {
            ("MessageText", "Write a message first: it cannot be empty.", "string_too_short"),
        }));

    [Test]
    public void A_message_over_2000_characters_is_too_long() =>
        Assert.That(Failures(new SendAdminMessage(Conversation, new string('a', 2001))), Is.EqualTo(new[]
        {
            ("MessageText", "A Messenger message can have at most 2000 characters.", "string_too_long"),
        }));

    [Test]
    public void Exactly_2000_characters_after_trimming_pass() =>
        Assert.That(Failures(new SendAdminMessage(Conversation, "  " + new string('a', 2000) + "  ")), Is.Empty);

    [TestCase("")]
    [TestCase("77777777777777777777777777777777777777777777777777777777777777777")]
    public void A_recipient_id_that_cannot_be_a_messenger_id_is_refused(string recipient) =>
        Assert.That(Failures(new SendAdminMessage(Conversation, "Hi", recipient)).Select(f => (f.Field, f.Message)), Is.EqualTo(new[]
        {
            ("RecipientId", "recipient_id must be the customer's Messenger id."),
        }));

    [Test]
    public void No_recipient_id_is_fine_the_inbox_and_the_api_send_without_one() =>
        Assert.That(Failures(new SendAdminMessage(Conversation, "Hi")), Is.Empty);

    [Test]
    public void A_nil_conversation_and_an_overlong_idempotency_key_are_refused_in_rule_order() =>
        Assert.That(Failures(new SendAdminMessage(Guid.Empty, "Hi", IdempotencyKey: new string('k', 101))).Select(f => f.Field), Is.EqualTo(new[]
        {
            "ConversationId", "IdempotencyKey",
        }));
}
