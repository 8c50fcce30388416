using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class GraphSandboxWebhookTests
{
    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task StartReceiver() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    [Test]
    public async Task Disposing_the_sandbox_twice_after_webhooks_went_out_does_nothing_the_second_time()
    {
        // The demo's host disposes it as a service and as a hosted service: both calls must be safe.
        var server = await StartAsync(new SandboxOptions());
        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        await server.State.WhenWebhooksDrainedAsync();

        await server.DisposeAsync();
        Assert.DoesNotThrowAsync(async () => await server.DisposeAsync());
    }

    [Test]
    public async Task The_signature_verifies_with_the_app_secret_and_a_tampered_body_does_not()
    {
        await using var server = await StartAsync(new SandboxOptions());

        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        await server.State.WhenWebhooksDrainedAsync();

        var webhook = _receiver.Received.Single();
        var tampered = (byte[])webhook.Body.Clone();
        tampered[^3] ^= 0x01;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(webhook.Signature, Does.Match("^sha256=[0-9a-f]{64}$"));
            Assert.That(Verify(webhook.Body, webhook.Signature, "sandbox-app-secret"), Is.True);
            Assert.That(Verify(tampered, webhook.Signature, "sandbox-app-secret"), Is.False);
            Assert.That(Verify(webhook.Body, webhook.Signature, "another-secret"), Is.False);
        }
    }

    [Test]
    public async Task A_submitted_lead_posts_the_leadgen_payload_with_string_ids()
    {
        await using var server = await StartAsync(new SandboxOptions());
        var created = DateTimeOffset.UtcNow.AddMinutes(-1);

        var id = server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1, created).Single();
        await server.State.WhenWebhooksDrainedAsync();

        var json = _receiver.Received.Single().Json;
        var entry = json.GetProperty("entry")[0];
        var change = entry.GetProperty("changes")[0];
        var value = change.GetProperty("value");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("object").GetString(), Is.EqualTo("page"));
            Assert.That(entry.GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(entry.GetProperty("time").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(change.GetProperty("field").GetString(), Is.EqualTo("leadgen"));
            Assert.That(value.GetProperty("leadgen_id").GetString(), Is.EqualTo(id));
            Assert.That(value.GetProperty("page_id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(value.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainTestRideFormId));
            Assert.That(value.GetProperty("created_time").GetInt64(), Is.EqualTo(created.ToUnixTimeSeconds()));
        }
    }

    [Test]
    public async Task Ids_can_be_emitted_as_numbers_like_metas_sample()
    {
        await using var server = await StartAsync(new SandboxOptions { WebhookIdsAsNumbers = true });

        var id = server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
        await server.State.WhenWebhooksDrainedAsync();

        var value = _receiver.Received.Single().Json.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value");
        Assert.That(value.GetProperty("leadgen_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(id));
        Assert.That(value.GetProperty("page_id").ValueKind, Is.EqualTo(JsonValueKind.Number));
    }

    [Test]
    public async Task A_drop_rate_of_1_delivers_nothing()
    {
        await using var server = await StartAsync(new SandboxOptions { WebhookDropRate = 1.0 });

        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 10);
        await server.State.WhenWebhooksDrainedAsync();

        Assert.That(_receiver.Received, Is.Empty);
        Assert.That(server.State.WebhookDeliveries.Select(d => d.Status).ToList(), Has.Count.EqualTo(10).And.All.EqualTo(WebhookDeliveryStatus.Dropped));
    }

    [Test]
    public async Task A_drop_rate_of_0_delivers_every_lead_once()
    {
        await using var server = await StartAsync(new SandboxOptions { WebhookDropRate = 0 });

        var ids = server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 25);
        await server.State.WhenWebhooksDrainedAsync();

        var delivered = _receiver.Received.Select(w => LeadgenId(w.Json)).ToList();
        Assert.That(delivered, Is.EquivalentTo(ids));
        Assert.That(server.State.WebhookDeliveries.Select(d => d.Status), Has.All.EqualTo(WebhookDeliveryStatus.Delivered));
    }

    [Test]
    public async Task A_seeded_drop_rate_drops_the_same_events_on_every_run()
    {
        var first = await DroppedLeadsAsync(seed: 11);
        var second = await DroppedLeadsAsync(seed: 11);

        Assert.That(first, Is.EqualTo(second));
        Assert.That(first, Has.Count.InRange(1, 39));
    }

    [Test]
    public async Task A_duplicate_rate_of_1_delivers_every_event_twice()
    {
        await using var server = await StartAsync(new SandboxOptions { WebhookDuplicateRate = 1.0 });

        var ids = server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 3);
        await server.State.WhenWebhooksDrainedAsync();

        var delivered = _receiver.Received.Select(w => LeadgenId(w.Json)).ToList();
        Assert.That(delivered, Is.EquivalentTo(ids.Concat(ids)));
        Assert.That(server.State.WebhookDeliveries.Count(d => d.IsDuplicate), Is.EqualTo(3));
    }

    [Test]
    public async Task A_page_that_is_not_subscribed_sends_no_webhooks_until_it_subscribes()
    {
        await using var server = await StartAsync(new SandboxOptions());
        using var client = new SandboxClient(server.BaseAddress);

        server.State.SubmitLeads(SandboxSeed.NotSubscribedFormId, 2);
        var before = await client.GetAsync($"{SandboxSeed.NotSubscribedPageId}/subscribed_apps", SandboxSeed.NotSubscribedPageToken);
        var subscribe = await client.SendAsync(HttpMethod.Post,
            $"{SandboxSeed.NotSubscribedPageId}/subscribed_apps?subscribed_fields=leadgen,messages", SandboxSeed.NotSubscribedPageToken, null);
        var after = await client.GetAsync($"{SandboxSeed.NotSubscribedPageId}/subscribed_apps", SandboxSeed.NotSubscribedPageToken);
        server.State.SubmitLeads(SandboxSeed.NotSubscribedFormId, 1);
        await server.State.WhenWebhooksDrainedAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Json.GetProperty("data").GetArrayLength(), Is.Zero);
            Assert.That(subscribe.Json.GetProperty("success").GetBoolean(), Is.True);
            var app = after.Json.GetProperty("data")[0];
            Assert.That(app.GetProperty("id").GetString(), Is.EqualTo("sandbox-app-id"));
            Assert.That(app.GetProperty("subscribed_fields").EnumerateArray().Select(f => f.GetString()), Is.EquivalentTo(new[] { "leadgen", "messages" }));
            Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task A_customer_message_posts_a_messenger_webhook()
    {
        await using var server = await StartAsync(new SandboxOptions());

        var mid = server.State.CustomerSendsMessage(SandboxSeed.MainPageId, SandboxSeed.CustomerWroteOneHourAgoPsid, "مرحبا / olá");
        await server.State.WhenWebhooksDrainedAsync();

        var webhook = _receiver.Received.Single();
        var messaging = webhook.Json.GetProperty("entry")[0].GetProperty("messaging")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(messaging.GetProperty("sender").GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.CustomerWroteOneHourAgoPsid));
            Assert.That(messaging.GetProperty("recipient").GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(messaging.GetProperty("timestamp").GetInt64(), Is.GreaterThan(1_700_000_000_000));
            Assert.That(messaging.GetProperty("message").GetProperty("mid").GetString(), Is.EqualTo(mid));
            Assert.That(messaging.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("مرحبا / olá"));
            Assert.That(Encoding.UTF8.GetString(webhook.Body), Does.Contain("\\u0645").And.Contain("\\/"), "escaped the way Meta escapes");
        }
    }

    [Test]
    public async Task An_accepted_send_posts_an_echo_and_a_delivery_webhook()
    {
        await using var server = await StartAsync(new SandboxOptions());
        using var client = new SandboxClient(server.BaseAddress);

        var sent = await client.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "See you Saturday");
        await server.State.WhenWebhooksDrainedAsync();

        var mid = sent.Json.GetProperty("message_id").GetString();
        var events = _receiver.Received.Select(w => w.Json.GetProperty("entry")[0].GetProperty("messaging")[0]).ToList();
        var echo = events.Single(e => e.TryGetProperty("message", out _)).GetProperty("message");
        var delivery = events.Single(e => e.TryGetProperty("delivery", out _));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo.GetProperty("is_echo").GetBoolean(), Is.True);
            Assert.That(echo.GetProperty("mid").GetString(), Is.EqualTo(mid));
            Assert.That(echo.TryGetProperty("app_id", out _), Is.True);
            Assert.That(events.Single(e => e.TryGetProperty("message", out _)).GetProperty("sender").GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(delivery.GetProperty("delivery").GetProperty("mids")[0].GetString(), Is.EqualTo(mid));
            Assert.That(delivery.GetProperty("delivery").GetProperty("watermark").GetInt64(), Is.Positive);
        }
    }

    [Test]
    public async Task A_failing_callback_is_retried_a_little_then_recorded_as_failed()
    {
        _receiver.StatusCode = 500;
        await using var server = await StartAsync(new SandboxOptions());

        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        await server.State.WhenWebhooksDrainedAsync();

        var delivery = server.State.WebhookDeliveries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.StatusCode, Is.EqualTo(500));
            Assert.That(delivery.Attempts, Is.EqualTo(3));
            Assert.That(_receiver.Received, Has.Count.EqualTo(3));
        }
    }

    [Test]
    public async Task An_unreachable_callback_is_recorded_as_failed()
    {
        var url = _receiver.Url;
        await _receiver.DisposeAsync();
        _receiver = await WebhookReceiver.StartAsync();
        await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions { WebhookCallbackUrl = url.ToString() });

        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        await server.State.WhenWebhooksDrainedAsync();

        var delivery = server.State.WebhookDeliveries.Single();
        Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
        Assert.That(delivery.StatusCode, Is.Null);
        Assert.That(delivery.Error, Is.Not.Empty);
    }

    [Test]
    public async Task Submitting_leads_does_not_wait_for_a_delayed_delivery()
    {
        await using var server = await StartAsync(new SandboxOptions { WebhookDelay = TimeSpan.FromSeconds(1) });

        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        var pendingRightAfter = server.State.WebhookDeliveries.Single().Status;
        await server.State.WhenWebhooksDrainedAsync();

        Assert.That(pendingRightAfter, Is.EqualTo(WebhookDeliveryStatus.Pending));
        Assert.That(_receiver.Received, Has.Count.EqualTo(1));
        var delivery = server.State.WebhookDeliveries.Single();
        Assert.That(delivery.CompletedAt - delivery.QueuedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
    }

    private async Task<List<string>> DroppedLeadsAsync(int seed)
    {
        await using var server = await StartAsync(new SandboxOptions { Seed = seed, WebhookDropRate = 0.3 });
        server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 40);
        await server.State.WhenWebhooksDrainedAsync();
        return [.. server.State.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Dropped).Select(d => LeadgenId(JsonDocument.Parse(d.Body).RootElement))];
    }

    private Task<GraphSandboxServer> StartAsync(SandboxOptions options)
    {
        options.WebhookCallbackUrl = _receiver.Url.ToString();
        return GraphSandboxServer.StartAsync(options);
    }

    private static string LeadgenId(JsonElement json) =>
        json.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("leadgen_id").GetString()!;

    /// <summary>What a receiver must do: HMAC-SHA256 over the raw bytes, compared in constant time.</summary>
    private static bool Verify(byte[] body, string? header, string appSecret)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(header["sha256=".Length..]));
    }
}
