using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Application.Outgoing;
using LeadOps.Domain.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>Outgoing webhooks reach a real receiver (Kestrel on 127.0.0.1), signed; failures are retried with backoff, then pause the endpoint.</summary>
public sealed class OutgoingWebhookTests(DatabaseKind database) : OutgoingFixture(database)
{
    [Test]
    public async Task A_new_lead_arrives_at_the_endpoint_signed_with_the_secret_shown_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        var (id, secret) = await RegisterAsync(user, receiver.Url);

        var leadId = await CreateLeadAsync(user, integrationId: null, "Joana Araújo");
        await DrainAsync();

        var received = receiver.Received.Single();
        var json = received.Json;
        Assert.Multiple(() =>
        {
            Assert.That(WebhookSignature.Verify(secret, received.Headers[WebhookSignature.HeaderName], received.Body, Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), Is.True, "signature");
            Assert.That(WebhookSignature.Verify("whsec_wrong", received.Headers[WebhookSignature.HeaderName], received.Body, Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), Is.False);
            Assert.That(json.GetProperty("event").GetString(), Is.EqualTo("lead.created"));
            Assert.That(received.Headers["X-LeadOps-Event"], Is.EqualTo("lead.created"));
            var lead = json.GetProperty("data").GetProperty("lead");
            Assert.That(lead.GetProperty("id").GetInt64(), Is.EqualTo(leadId));
            Assert.That(lead.GetProperty("full_name").GetString(), Is.EqualTo("Joana Araújo"));
            Assert.That(lead.GetProperty("answers")[0].GetProperty("key").GetString(), Is.EqualTo("bike_size"));
            Assert.That(lead.GetProperty("consents")[0].GetProperty("checked").GetBoolean(), Is.True);
            Assert.That(lead.GetProperty("attribution").GetProperty("ad_name").GetString(), Is.EqualTo("Spring ride"));
        });

        var list = await App.ApiClient(user).GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        var endpoint = list.GetProperty("endpoints")[0];
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.GetProperty("id").GetInt32(), Is.EqualTo(id));
            Assert.That(endpoint.GetRawText(), Does.Not.Contain(secret), "the secret is never shown again");
            Assert.That(endpoint.GetProperty("attempts")[0].GetProperty("status_code").GetInt32(), Is.EqualTo(200));
        });
    }

    [Test]
    public async Task A_stage_change_arrives_at_the_endpoint_as_lead_stage_changed_signed_over_timestamp_and_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        var (_, secret) = await RegisterAsync(user, receiver.Url, OutgoingEventNames.LeadStageChanged);
        var leadId = await CreateLeadAsync(user, integrationId: null, "Marta Stage");
        await DrainAsync();
        Assert.That(receiver.Received, Is.Empty, "the endpoint did not ask for lead.created");

        var moved = await App.SendAsync(user, new ChangeLeadStage([leadId], "qualified"));
        Assert.That(moved.Value, Is.EqualTo(1), moved.Error);
        await DrainAsync();

        var received = receiver.Received.Single();
        var json = received.Json;
        Assert.Multiple(() =>
        {
            // Verified as a receiver would, from the documented format alone: t=<unix seconds>,v1=<hex HMAC-SHA256 over "t." + body>.
            Assert.That(ReceiverAccepts(secret, received.Headers[WebhookSignature.HeaderName], received.Body), Is.True, "signature");
            Assert.That(ReceiverAccepts("whsec_someone_else", received.Headers[WebhookSignature.HeaderName], received.Body), Is.False, "another secret");
            var tampered = received.Body.ToArray();
            tampered[^2] ^= 1;
            Assert.That(ReceiverAccepts(secret, received.Headers[WebhookSignature.HeaderName], tampered), Is.False, "a changed body");
            Assert.That(received.Headers["X-LeadOps-Event"], Is.EqualTo(OutgoingEventNames.LeadStageChanged));
            Assert.That(json.GetProperty("event").GetString(), Is.EqualTo("lead.stage_changed"));
            Assert.That(json.GetProperty("data").GetProperty("lead").GetProperty("id").GetInt64(), Is.EqualTo(leadId));
            Assert.That(json.GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString(), Is.EqualTo("Marta Stage"));
            Assert.That(json.GetProperty("data").GetProperty("stage").GetProperty("from").GetString(), Is.EqualTo("New"));
            Assert.That(json.GetProperty("data").GetProperty("stage").GetProperty("to").GetString(), Is.EqualTo("Qualified"));
        });
    }

    /// <summary>What a receiver does with <c>X-LeadOps-Signature</c>: recompute the HMAC and compare in constant time, refusing old timestamps.</summary>
    private bool ReceiverAccepts(string secret, string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var t = long.Parse(parts["t"], System.Globalization.CultureInfo.InvariantCulture);
        var expected = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret),
            (byte[])[.. System.Text.Encoding.UTF8.GetBytes(t.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."), .. body]);
        return Math.Abs(Clock.GetUtcNow().ToUnixTimeSeconds() - t) <= 300
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }

    [Test]
    public async Task A_500_is_retried_after_the_backoff_and_the_same_signed_body_is_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 500;
        var user = await App.NewUserAsync();
        var (_, secret) = await RegisterAsync(user, receiver.Url);
        await CreateLeadAsync(user, integrationId: null, "Rui Retry");

        await DrainAsync();
        Assert.That(receiver.Received, Has.Count.EqualTo(1));
        await DrainAsync();
        Assert.That(receiver.Received, Has.Count.EqualTo(1), "not again before the backoff has passed");

        receiver.StatusCode = 200;
        Clock.Advance(new OutgoingWebhookOptions().FirstRetryDelay);
        await DrainAsync();

        Assert.That(receiver.Received, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Received[1].Body, Is.EqualTo(receiver.Received[0].Body));
            Assert.That(WebhookSignature.Verify(secret, receiver.Received[1].Headers[WebhookSignature.HeaderName], receiver.Received[1].Body, Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), Is.True);
        });
        await using var scope = App.ScopeFor(user.Id);
        var log = await App.Db(scope).Set<DeliveryAttempt>().OrderBy(a => a.Id).Select(a => a.StatusCode).ToListAsync();
        Assert.That(log, Is.EqualTo(new int?[] { 500, 200 }));
    }

    [Test]
    public async Task Repeated_failure_pauses_the_endpoint_and_alerts_its_owner_and_resume_sends_what_waited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 503;
        var user = await App.NewUserAsync();
        var (id, _) = await RegisterAsync(user, receiver.Url);
        await CreateLeadAsync(user, integrationId: null, "Paula Paused");

        for (var attempt = 0; attempt < PauseAfter + 2; attempt++)
        {
            await DrainAsync();
            Clock.Advance(TimeSpan.FromHours(7));
        }

        Assert.That(receiver.Received, Has.Count.EqualTo(PauseAfter), "no attempt after the pause");
        var mail = await App.Smtp.WaitForAsync(user.Email, TimeSpan.FromSeconds(30));
        Assert.That(mail.Message.Subject, Does.StartWith("Webhook endpoint paused"));
        var page = await (await App.SignedInClientAsync(user)).GetStringAsync("/Leads");
        Assert.That(page, Does.Contain("data-test=\"paused-webhooks-banner\""));

        receiver.StatusCode = 200;
        var resumed = await App.ApiClient(user).PostAsync($"/api/webhook-endpoints/{id}/resume", null);
        Assert.That(resumed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await DrainAsync();
        Assert.That(receiver.Received, Has.Count.EqualTo(PauseAfter + 1));
    }

    [Test]
    public async Task A_test_event_is_sent_on_request()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        var (id, _) = await RegisterAsync(user, receiver.Url);

        var response = await App.ApiClient(user).PostAsync($"/api/webhook-endpoints/{id}/test", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await DrainAsync();

        Assert.That(receiver.Received.Single().Json.GetProperty("event").GetString(), Is.EqualTo("webhook.test"));
    }

    [TestCase("http://example.com/hook")]
    [TestCase("https://10.0.0.5/hook")]
    [TestCase("https://192.168.1.10/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://user:pass@example.com/hook")]
    [TestCase("ftp://example.com/hook")]
    public async Task Non_https_and_private_addresses_are_refused_with_a_400(string url)
    {
        var user = await App.NewUserAsync();
        using var signedIn = await App.SignedInApiClientAsync(user);
        var response = await signedIn.PostAsJsonAsync("/api/webhook-endpoints", new { url, events = new[] { "lead.created" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("url").IgnoreCase);
    }

    private async Task<(int Id, string Secret)> RegisterAsync(TestUser user, Uri url, params string[] events)
    {
        using var signedIn = await App.SignedInApiClientAsync(user);
        var response = await signedIn.PostAsJsonAsync("/api/webhook-endpoints", new
        {
            url = url.ToString(),
            events = events.Length > 0 ? events : new[] { OutgoingEventNames.LeadCreated, OutgoingEventNames.ConversationEscalated },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetInt32(), created.GetProperty("secret").GetString()!);
    }
}
