using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The brief's <c>POST /admin/send-message</c> and <c>POST /test-message</c> on a real Kestrel, called the way the brief's
/// JavaScript, curl and Python call them: the bodies byte for byte, both answers of a send (sent and failed), and what
/// such clients may also send (no Content-Type, a trailing slash, fields the brief does not name, upper-case UUIDs).
/// </summary>
public sealed class BriefMessagingContractTests(DatabaseKind database) : AppFixture(database)
{
    private TestUser _alice = null!;
    private HttpClient _aliceApi = null!;
    private HttpClient _adminApi = null!;

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 }).OnKestrel();

    [OneTimeSetUp]
    public async Task ConnectAsync()
    {
        _alice = await App.NewUserAsync();
        _aliceApi = App.ApiClient(_alice);
        await IntegrationsApiTests.ConnectAsync(_aliceApi, SandboxSeed.MainPageToken);
        _adminApi = App.NewClient();
        _adminApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        _adminApi.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        await IntegrationsApiTests.ConnectAsync(_adminApi, SandboxSeed.MainPageToken);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _aliceApi?.Dispose();
        _adminApi?.Dispose();
    }

    [Test]
    public async Task The_briefs_frontend_call_verbatim_answers_the_briefs_success_body_exactly()
    {
        var psid = NewPsid();
        var conversation = await CustomerWritesAsync(_adminApi, psid);
        var body = $"{{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"Test message from HITL\",\"admin_id\":\"{TestApp.AdminUserId}\"}}";

        var (status, mediaType, text) = await SendAsync("/admin/send-message", "Bearer " + TestApp.AdminApiKey, TestApp.AdminUserId, Json(body));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(mediaType, Is.EqualTo("application/json"));
        Assert.That(text, Is.EqualTo($"{{\"success\":true,\"message\":\"Message sent successfully\",\"data\":{{\"recipient_id\":\"{psid}\",\"message\":\"Test message from HITL\"}}}}"));
        Assert.That(App.Graph.SentMessages.Where(m => m.Psid == psid).Select(m => m.Text), Is.EqualTo(new[] { "Test message from HITL" }));
    }

    [TestCase("/admin/send-message", true, TestName = "A personal key with X-Admin-User-ID set to its own user, as the brief's frontend sends it")]
    [TestCase("/admin/send-message/", true, TestName = "A trailing slash")]
    [TestCase("/admin/send-message", false, TestName = "No Content-Type header, as FastAPI read it")]
    public async Task What_the_briefs_clients_may_also_send_is_sent(string path, bool contentType)
    {
        var psid = NewPsid();
        var conversation = await CustomerWritesAsync(_aliceApi, psid);
        var body = $"{{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"Hi\",\"admin_id\":\"{_alice.Id}\"}}";
        var content = contentType ? Json(body) : new ByteArrayContent(Encoding.UTF8.GetBytes(body));

        var (status, _, text) = await SendAsync(path, "Bearer " + _alice.ApiKey, _alice.Id, content);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("success").GetBoolean(), Is.True, text);
        Assert.That(App.Graph.SentMessages.Count(m => m.Psid == psid), Is.EqualTo(1));
    }

    [Test]
    public async Task Fields_the_brief_does_not_name_and_upper_case_uuids_are_accepted_as_its_request_model_accepted_them()
    {
        var psid = NewPsid();
        var conversation = await CustomerWritesAsync(_aliceApi, psid);
        var body = $"{{\"conversation_id\":\"{conversation.ToString().ToUpperInvariant()}\",\"recipient_id\":\"{psid}\",\"message_text\":\"Hi\"," +
            $"\"admin_id\":\"{_alice.Id.ToUpperInvariant()}\",\"page_id\":\"{SandboxSeed.MainPageId}\",\"timestamp\":1733400000}}";

        var (status, _, text) = await SendAsync("/admin/send-message", "Bearer " + _alice.ApiKey, null, Json(body));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("success").GetBoolean(), Is.True, text);
    }

    [Test]
    public async Task An_empty_body_is_a_422_about_the_body_and_sends_nothing()
    {
        var before = App.Graph.SentMessages.Count;

        var (status, _, text) = await SendAsync("/admin/send-message", "Bearer " + _alice.ApiKey, null, Json(string.Empty));

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), text);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").EnumerateArray().Single();
        Assert.That(detail.GetProperty("loc").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "body" }));
        Assert.That(App.Graph.SentMessages, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task A_send_meta_refuses_is_the_briefs_failure_body_with_recipient_id_and_error()
    {
        var psid = SandboxSeed.CustomerWhoBlockedPagePsid;
        var conversation = await CustomerWritesAsync(_aliceApi, psid);
        var body = $"{{\"conversation_id\":\"{conversation}\",\"recipient_id\":\"{psid}\",\"message_text\":\"Are you there?\",\"admin_id\":\"{_alice.Id}\"}}";

        var (status, _, text) = await SendAsync("/admin/send-message", "Bearer " + _alice.ApiKey, null, Json(body));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(answer.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "success", "message", "data" }));
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(answer.GetProperty("message").GetString(), Is.EqualTo("Failed to send message"));
            Assert.That(answer.GetProperty("data").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "recipient_id", "error" }));
            Assert.That(answer.GetProperty("data").GetProperty("recipient_id").GetString(), Is.EqualTo(psid));
            Assert.That(answer.GetProperty("data").GetProperty("error").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_test_message_meta_refuses_answers_success_false_with_the_recipient_and_the_message_as_the_brief_does()
    {
        var psid = SandboxSeed.CustomerWhoBlockedPagePsid;
        await CustomerWritesAsync(_adminApi, psid);

        using var response = await _adminApi.PostAsync($"/test-message?recipient_id={psid}&message=Hello%20from%20HITL", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.False, text);
            Assert.That(answer.TryGetProperty("recipient_id", out var recipient) ? recipient.GetString() : null, Is.EqualTo(psid), text);
            Assert.That(answer.TryGetProperty("message", out var message) ? message.GetString() : null, Is.EqualTo("Hello from HITL"), text);
        });
    }

    [Test]
    public async Task Test_message_with_a_trailing_slash_and_without_a_message_sends_the_default_and_says_which()
    {
        var psid = NewPsid();
        await CustomerWritesAsync(_adminApi, psid);

        using var response = await _adminApi.PostAsync($"/test-message/?recipient_id={psid}", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var sent = App.Graph.SentMessages.Single(m => m.Psid == psid).Text;
        Assert.That(text, Is.EqualTo(JsonSerializer.Serialize(new { success = true, recipient_id = psid, message = sent })));
        Assert.That(sent, Is.Not.Empty);
    }

    [Test]
    public async Task Test_message_without_a_key_is_the_briefs_401_body_exactly()
    {
        using var anonymous = App.NewClient();

        using var response = await anonymous.PostAsync("/test-message?recipient_id=facebook_user_id&message=Hello%20from%20HITL", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"detail\":\"Invalid authentication\"}"));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string NewPsid() => "73" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpStatusCode Status, string? MediaType, string Text)> SendAsync(string path, string authorization, string? adminUserId, HttpContent content)
    {
        using var client = App.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (adminUserId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Admin-User-ID", adminUserId);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The customer writes through the sandbox; returns the caller's conversation with them once LeadOps has it (bounded wait).</summary>
    private async Task<Guid> CustomerWritesAsync(HttpClient api, string psid)
    {
        var mid = App.Graph.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Hello, anyone?");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={SandboxSeed.MainPageId}&page_size=200");
            var id = list.GetProperty("conversations").EnumerateArray()
                .Where(c => c.GetProperty("psid").GetString() == psid).Select(c => (Guid?)c.GetProperty("id").GetGuid()).FirstOrDefault();
            if (id is { } found && (await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{found}/messages")).GetProperty("messages")
                    .EnumerateArray().Any(m => m.GetProperty("mid").GetString() == mid))
            {
                return found;
            }

            Assert.That(DateTimeOffset.UtcNow, Is.LessThan(deadline), $"the message from {psid} reached the Inbox within 60 s");
            await Task.Delay(100);
        }
    }
}
