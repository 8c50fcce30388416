namespace LeadOps.SecurityTests;

/// <summary>Finding 3: a reused Idempotency-Key on another conversation answered "Message sent successfully" and sent nothing.</summary>
public sealed class IdempotencyTests(DatabaseKind database) : SecurityFixture(database)
{
    [Test]
    public async Task The_brief_send_message_refuses_a_key_used_for_another_conversation_with_409()
    {
        var (user, _) = await StaffWithPageAsync();
        var (first, firstPsid) = await CustomerWritesAsync(user);
        var (second, secondPsid) = await CustomerWritesAsync(user);
        using var api = App.ApiClient(user);
        var key = Guid.NewGuid().ToString("N");

        var sent = await SendAsync(api, first, firstPsid, "Yes, it is.", key);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True);
        var sends = Graph.SentMessages.Count;

        var reused = await SendAsync(api, second, secondPsid, "Another answer", key);
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await reused.Content.ReadAsStringAsync());
        var body = await reused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("Idempotency-Key"));
        Assert.That(Graph.SentMessages, Has.Count.EqualTo(sends), "nothing was sent");

        var sameText = await SendAsync(api, first, firstPsid, "A different text", key);
        Assert.That(sameText.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "same conversation, other text");

        var repeat = await SendAsync(api, first, firstPsid, "Yes, it is.", key);
        Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same request again answers with the first outcome");
        Assert.That(Graph.SentMessages, Has.Count.EqualTo(sends), "and sends nothing");
    }

    [Test]
    public async Task The_house_reply_api_refuses_a_key_used_for_another_conversation_with_409_problem()
    {
        var (user, _) = await StaffWithPageAsync();
        var (first, _) = await CustomerWritesAsync(user);
        var (second, _) = await CustomerWritesAsync(user);
        using var api = App.ApiClient(user);
        var key = Guid.NewGuid().ToString("N");

        var sent = await ReplyAsync(api, first, "Hello", key);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reused = await ReplyAsync(api, second, "Hello", key);
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Does.Contain("Idempotency-Key"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, Guid conversation, string psid, string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/send-message")
        {
            Content = JsonContent.Create(new { conversation_id = conversation, recipient_id = psid, message_text = text, admin_id = Guid.NewGuid() }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return api.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient api, Guid conversation, string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversation}/messages") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("Idempotency-Key", key);
        return api.SendAsync(request);
    }
}
