using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The brief's <c>POST /admin/send-message</c> and <c>POST /test-message</c>: every 401, 404 and 422 case answers in the
/// brief's shape, and in none of them does anything reach Meta or the thread.
/// </summary>
public sealed class AdminSendMessageTests(DatabaseKind database) : InboxFixture(database)
{
    private Staff _alice = null!;
    private string _psid = null!;
    private Guid _conversation;

    [SetUp]
    public async Task ArrangeAsync()
    {
        _alice = await NewStaffAsync();
        _psid = NewPsid();
        _conversation = await CustomerWritesAsync(_alice, _psid, "Hello, anyone?");
    }

    private object Body(string? text = "Hi!", object? conversationId = null, string? recipientId = null, object? adminId = null) => new
    {
        conversation_id = conversationId ?? _conversation,
        recipient_id = recipientId ?? _psid,
        message_text = text,
        admin_id = adminId ?? _alice.User.Id,
    };

    private static Dictionary<string, string> Headers(string? authorization, string? adminUserId = null)
    {
        var headers = new Dictionary<string, string>();
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        if (adminUserId is not null)
        {
            headers["X-Admin-User-ID"] = adminUserId;
        }

        return headers;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(IDictionary<string, string> headers, string json)
    {
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/send-message") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task AssertNothingSentAsync(int callsBefore)
    {
        Assert.That(SendApiCalls(), Is.EqualTo(callsBefore), "no call reached the Send API");
        Assert.That(SentTo(_psid), Is.Empty);
        var thread = await MessagesAsync(_alice, _conversation);
        Assert.That(thread.Select(m => m.GetProperty("sender").GetString()), Is.EqualTo(new[] { "customer" }), "nothing was added to the thread");
    }

    [TestCase(null, null, "Invalid authentication", TestName = "401 without an Authorization header")]
    [TestCase("Basic YWRtaW46YWRtaW4=", null, "Invalid authentication", TestName = "401 with a scheme other than Bearer")]
    [TestCase("Bearer", null, "Invalid authentication", TestName = "401 with an empty bearer")]
    [TestCase("Bearer not-a-key-anyone-has", null, "Invalid API key", TestName = "401 with an unknown key")]
    [TestCase("Bearer " + TestApp.AdminApiKey, null, "Invalid admin user ID", TestName = "401 with the admin key but no X-Admin-User-ID")]
    [TestCase("Bearer " + TestApp.AdminApiKey, "6b1d2c1e-0000-4000-8000-000000000000", "Invalid admin user ID", TestName = "401 with the admin key and another user id")]
    public async Task Unauthenticated_calls_answer_401_in_the_briefs_shape_and_send_nothing(string? authorization, string? adminUserId, string detail)
    {
        var callsBefore = SendApiCalls();
        var (status, body) = await SendAsync(Headers(authorization, adminUserId), JsonSerializer.Serialize(Body()));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(body.GetRawText(), Is.EqualTo(JsonSerializer.Serialize(new { detail })));
        await AssertNothingSentAsync(callsBefore);
    }

    [Test]
    public async Task A_signed_in_browser_without_a_bearer_key_gets_401_and_sends_nothing()
    {
        var callsBefore = SendApiCalls();
        using var browser = await App.SignedInClientAsync(_alice.User);
        var response = await browser.PostAsJsonAsync("/admin/send-message", Body());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await AssertNothingSentAsync(callsBefore);
    }

    [Test]
    public async Task An_unknown_conversation_is_404_and_sends_nothing()
    {
        var callsBefore = SendApiCalls();
        var (status, body) = await SendAsync(Headers("Bearer " + _alice.User.ApiKey), JsonSerializer.Serialize(Body(conversationId: Guid.NewGuid())));
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Conversation not found"));
        await AssertNothingSentAsync(callsBefore);
    }

    [Test]
    public async Task Another_users_conversation_is_404_with_their_key_and_with_the_admin_key_and_sends_nothing()
    {
        var bob = await NewStaffAsync();
        var callsBefore = SendApiCalls();

        var (asBob, _) = await SendAsync(Headers("Bearer " + bob.User.ApiKey), JsonSerializer.Serialize(Body(adminId: bob.User.Id)));
        var (asAdmin, _) = await SendAsync(Headers("Bearer " + TestApp.AdminApiKey, TestApp.AdminUserId), JsonSerializer.Serialize(Body(adminId: TestApp.AdminUserId)));

        Assert.Multiple(() =>
        {
            Assert.That(asBob, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(asAdmin, Is.EqualTo(HttpStatusCode.NotFound));
        });
        await AssertNothingSentAsync(callsBefore);
    }

    [Test]
    public async Task A_recipient_who_is_not_the_conversations_customer_is_422_and_sends_nothing()
    {
        var callsBefore = SendApiCalls();
        var (status, body) = await SendAsync(Headers("Bearer " + _alice.User.ApiKey), JsonSerializer.Serialize(Body(recipientId: SandboxSeed.CustomerWroteOneHourAgoPsid)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Fields(body), Is.EqualTo(new[] { "recipient_id" }));
        await AssertNothingSentAsync(callsBefore);
    }

    [TestCase("{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"\",\"admin_id\":\"{admin}\"}", "message_text", TestName = "422 for an empty message")]
    [TestCase("{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"   \\n \",\"admin_id\":\"{admin}\"}", "message_text", TestName = "422 for a message of blanks")]
    [TestCase("{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"{long}\",\"admin_id\":\"{admin}\"}", "message_text", TestName = "422 for a message over 2000 characters")]
    [TestCase("{\"conversation_id\":\"test-uuid\",\"recipient_id\":\"{psid}\",\"message_text\":\"Hi\",\"admin_id\":\"{admin}\"}", "conversation_id", TestName = "422 for a conversation_id that is not a UUID")]
    [TestCase("{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"Hi\",\"admin_id\":\"admin-uuid\"}", "admin_id", TestName = "422 for an admin_id that is not a UUID")]
    [TestCase("{\"conversation_id\":\"{conversation}\",\"message_text\":\"Hi\",\"admin_id\":\"{admin}\"}", "recipient_id", TestName = "422 for a missing recipient_id")]
    [TestCase("{\"conversation_id\":42,\"recipient_id\":\"{psid}\",\"message_text\":\"Hi\",\"admin_id\":\"{admin}\"}", "conversation_id", TestName = "422 for a conversation_id that is a number")]
    public async Task A_malformed_body_is_422_naming_the_field_and_sends_nothing(string template, string field)
    {
        var callsBefore = SendApiCalls();
        var json = template.Replace("{conversation}", _conversation.ToString(), StringComparison.Ordinal)
            .Replace("{psid}", _psid, StringComparison.Ordinal)
            .Replace("{admin}", _alice.User.Id, StringComparison.Ordinal)
            .Replace("{long}", new string('a', 2001), StringComparison.Ordinal);

        var (status, body) = await SendAsync(Headers("Bearer " + _alice.User.ApiKey), json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body.GetRawText());
        Assert.That(Fields(body), Is.EqualTo(new[] { field }));
        Assert.That(body.GetProperty("errors").GetProperty(field).GetArrayLength(), Is.EqualTo(1));
        await AssertNothingSentAsync(callsBefore);
    }

    [Test]
    public async Task A_body_that_is_not_json_is_422_and_sends_nothing()
    {
        var callsBefore = SendApiCalls();
        var (status, body) = await SendAsync(Headers("Bearer " + _alice.User.ApiKey), "conversation_id=1");
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body.GetProperty("detail")[0].GetProperty("type").GetString(), Is.EqualTo("json_invalid"));
        await AssertNothingSentAsync(callsBefore);
    }

    [Test]
    public async Task Exactly_2000_characters_are_sent()
    {
        var text = new string('b', 2000);
        var (status, body) = await SendAsync(Headers("Bearer " + _alice.User.ApiKey), JsonSerializer.Serialize(Body(text)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("success").GetBoolean(), Is.True, body.GetRawText());
        Assert.That(SentTo(_psid).Single().Text, Has.Length.EqualTo(2000));
    }

    [Test]
    public async Task The_admin_key_answers_the_admin_users_own_conversations_and_the_same_idempotency_key_sends_once()
    {
        var admin = await AdminAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(admin, psid, "Question for the admin");

        var body = JsonSerializer.Serialize(new { conversation_id = id, recipient_id = psid, message_text = "Answered by the admin", admin_id = TestApp.AdminUserId });
        var headers = Headers("Bearer " + TestApp.AdminApiKey, TestApp.AdminUserId);
        headers["Idempotency-Key"] = "reply-" + psid;
        var (first, firstBody) = await SendAsync(headers, body);
        var (second, secondBody) = await SendAsync(headers, body);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(firstBody.GetProperty("success").GetBoolean(), Is.True, firstBody.GetRawText());
            Assert.That(secondBody.GetProperty("success").GetBoolean(), Is.True);
            Assert.That(second, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(SentTo(psid), Has.Count.EqualTo(1), "a repeated request with the same idempotency key sends once");
        });
    }

    [Test]
    public async Task Test_message_is_only_for_the_authenticated_admin_and_only_to_a_known_customer()
    {
        var callsBefore = SendApiCalls();
        using var anonymous = App.CreateClient();
        var noAuth = await anonymous.PostAsync($"/test-message?recipient_id={_psid}&message=hi", null);
        var notAdmin = await _alice.Api.PostAsync($"/test-message?recipient_id={_psid}&message=hi", null);
        using var browser = await App.SignedInClientAsync(_alice.User);
        var cookie = await browser.PostAsync($"/test-message?recipient_id={_psid}&message=hi", null);
        Assert.Multiple(() =>
        {
            Assert.That(noAuth.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(notAdmin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(cookie.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(SendApiCalls(), Is.EqualTo(callsBefore));
        });

        using var admin = App.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        admin.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        var unknown = await admin.PostAsync("/test-message?recipient_id=7999999999999999&message=hi", null);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.False);
        Assert.That(SendApiCalls(), Is.EqualTo(callsBefore), "someone else's customer, or nobody's: nothing is sent");
    }

    [Test]
    public async Task Test_message_from_the_admin_reaches_the_admins_customer_in_the_briefs_shape()
    {
        var admin = await AdminAsync();
        var psid = NewPsid();
        await CustomerWritesAsync(admin, psid, "Testing");

        var response = await admin.Api.PostAsync($"/test-message?recipient_id={psid}&message=Hello%20from%20HITL", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetRawText(), Is.EqualTo(JsonSerializer.Serialize(new { success = true, recipient_id = psid, message = "Hello from HITL" })));
        Assert.That(SentTo(psid).Single().Text, Is.EqualTo("Hello from HITL"));
    }

    private static IEnumerable<string> Fields(JsonElement body) =>
        body.GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("loc")[1].GetString()!);
}
