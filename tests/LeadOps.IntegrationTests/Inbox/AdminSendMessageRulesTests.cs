using System.Net;
using System.Text;
using System.Text.Json;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The brief's 422 answers, byte for byte, where the send-message validator's rules meet the body's own problems: the
/// body's problems and the message_text and recipient_id rules come together, in field order; the command's other rules
/// (a nil conversation id, an over-long Idempotency-Key) only once the body is sound.
/// </summary>
public sealed class AdminSendMessageRulesTests(DatabaseKind database) : InboxFixture(database)
{
    private const string NotAMessengerId = "recipient_id must be the customer's Messenger id.";
    private Staff _alice = null!;
    private string _psid = null!;
    private Guid _conversation;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _alice = await NewStaffAsync();
        _psid = NewPsid();
        _conversation = await CustomerWritesAsync(_alice, _psid, "Hello?");
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string url, string? json, string? idempotencyKey = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _alice.User.ApiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string Body(object? conversationId = null, object? recipientId = null, object? text = null, object? adminId = null) => JsonSerializer.Serialize(new
    {
        conversation_id = conversationId ?? _conversation,
        recipient_id = recipientId ?? _psid,
        message_text = text ?? "Hi",
        admin_id = adminId ?? _alice.User.Id,
    });

    private static string Unprocessable(params (string? Field, string Message, string Type)[] problems) => Unprocessable("body", problems);

    private static string Unprocessable(string location, params (string? Field, string Message, string Type)[] problems)
    {
        var detail = string.Join(",", problems.Select(p =>
            $"{{\"loc\":[\"{location}\"{(p.Field is null ? string.Empty : $",\"{p.Field}\"")}],\"msg\":\"{p.Message}\",\"type\":\"{p.Type}\"}}"));
        var errors = string.Join(",", problems.Where(p => p.Field is not null).GroupBy(p => p.Field)
            .Select(g => $"\"{g.Key}\":[{string.Join(",", g.Select(p => $"\"{p.Message}\""))}]"));
        return $"{{\"detail\":[{detail}],\"error\":\"{problems[0].Message}\",\"errors\":{{{errors}}}}}";
    }

    [Test]
    public async Task An_empty_recipient_id_is_not_a_messenger_id()
    {
        var (status, body) = await PostAsync("/admin/send-message", Body(recipientId: string.Empty));
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body, Is.EqualTo(Unprocessable(("recipient_id", NotAMessengerId, "value_error"))));
    }

    [Test]
    public async Task Every_problem_of_the_body_is_listed_the_types_first_then_the_message_rules()
    {
        var (status, body) = await PostAsync("/admin/send-message", Body(conversationId: "x", recipientId: string.Empty, text: new string('a', 2001), adminId: 5));
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body, Is.EqualTo(Unprocessable(
            ("conversation_id", "conversation_id must be a UUID.", "uuid_parsing"),
            ("admin_id", "admin_id must be a string.", "string_type"),
            ("message_text", "A Messenger message can have at most 2000 characters.", "string_too_long"),
            ("recipient_id", NotAMessengerId, "value_error"))));
    }

    [Test]
    public async Task A_nil_conversation_id_waits_until_the_message_itself_is_sound()
    {
        var (_, withEmptyText) = await PostAsync("/admin/send-message", Body(conversationId: Guid.Empty, text: string.Empty));
        var (status, alone) = await PostAsync("/admin/send-message", Body(conversationId: Guid.Empty), idempotencyKey: new string('k', 101));
        Assert.Multiple(() =>
        {
            Assert.That(withEmptyText, Is.EqualTo(Unprocessable(("message_text", "Write a message first: it cannot be empty.", "string_too_short"))));
            Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(alone, Is.EqualTo(Unprocessable(
                ("conversation_id", "conversation_id is required.", "value_error"),
                ("idempotency_key", "The idempotency key can have at most 100 characters.", "value_error"))));
        });
    }

    [Test]
    public async Task A_body_that_is_not_an_object_is_one_problem_without_a_field()
    {
        var (status, body) = await PostAsync("/admin/send-message", "[]");
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body, Is.EqualTo("{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"The body must be a JSON object.\",\"type\":\"model_attributes_type\"}],\"error\":\"The body must be a JSON object.\",\"errors\":{}}"));
    }

    [Test]
    public async Task Test_message_reports_every_rule_of_its_query_as_value_errors()
    {
        using var admin = App.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        admin.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        using var response = await admin.PostAsync($"/test-message?recipient_id={new string('7', 65)}&message=", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(Unprocessable(
            "query",
            ("recipient_id", "recipient_id is too long for a Messenger id.", "value_error"),
            ("message", "Write a message first: it cannot be empty.", "value_error"))));
    }
}
