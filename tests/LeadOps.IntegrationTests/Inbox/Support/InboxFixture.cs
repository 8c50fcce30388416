using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadOps.Application.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Graph.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadOps.IntegrationTests.Inbox.Support;

/// <summary>A staff member with the sandbox's main page connected: their API client and their live Inbox connection.</summary>
public sealed record Staff(TestUser User, HttpClient Api, InboxProbe Probe);

/// <summary>
/// The real app and the Graph sandbox on one fake clock: the app's Graph client talks to the sandbox over loopback, the
/// sandbox's signed webhooks reach the app through the harness's webhook receiver, and messaging windows are crossed
/// by moving the clock, never by waiting. The clock is a <see cref="TestClock"/>: a reply that meets the Graph client's
/// pauses (its backoff between attempts, its pacing near a usage limit) is sent through <see cref="ThroughGraphPausesAsync{T}"/>.
/// </summary>
public abstract class InboxFixture(DatabaseKind database) : AppFixture(database)
{
    private static int _psidCounter;
    private Staff? _admin;

    protected TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>What Meta (the sandbox) holds: pages, customers, the messages sent through the Send API.</summary>
    protected SandboxState Meta => App.Graph;

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithSandbox(SandboxOptions()).WithClock(Clock);

    /// <summary>The sandbox the app talks to: no seeded leads.</summary>
    protected virtual SandboxOptions SandboxOptions() => new() { InitialLeadsPerForm = 0 };

    /// <summary>The stored webhook deliveries whose body holds <paramref name="marker"/>: status, attempts and last error.</summary>
    protected async Task<List<(Domain.Common.WebhookDeliveryStatus Status, int Attempts, string? Error)>> DeliveriesAsync(Staff staff, string marker)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        return (await App.Db(scope).WebhookDeliveries.AsNoTracking().Where(d => d.Body.Contains(marker)).ToListAsync())
            .Select(d => (d.Status, d.Attempts, d.LastError)).ToList();
    }

    /// <summary>A customer the sandbox has never seen (page-scoped ids are per test).</summary>
    protected static string NewPsid() => "72" + (Environment.ProcessId % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) +
        Interlocked.Increment(ref _psidCounter).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A staff member who connected the sandbox's main page, with a live Inbox connection.</summary>
    protected async Task<Staff> NewStaffAsync()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var connect = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });
        Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.Created), await connect.Content.ReadAsStringAsync());
        var probe = await InboxProbe.ConnectAsync(App, user);
        return new Staff(user, api, probe);
    }

    /// <summary>The brief's admin (ADMIN_API_KEY + X-Admin-User-ID), with the main page connected once per fixture.</summary>
    protected async Task<Staff> AdminAsync()
    {
        if (_admin is not null)
        {
            return _admin;
        }

        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        api.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        var connect = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });
        Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.Created), await connect.Content.ReadAsStringAsync());
        var probe = await InboxProbe.ConnectAsync(App, TestApp.AdminApiKey, TestApp.AdminUserId);
        return _admin = new Staff(new TestUser(TestApp.AdminUserId, "admin@leadops.test", TestApp.AdminApiKey), api, probe);
    }

    /// <summary>The customer writes through the sandbox (a signed Messenger webhook); returns the conversation once LeadOps shows the message.</summary>
    protected async Task<Guid> CustomerWritesAsync(Staff staff, string psid, string text)
    {
        var mid = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, text);
        return await WaitForMessageAsync(staff, psid, mid);
    }

    /// <summary>Waits until the staff member's Inbox has the message <paramref name="mid"/> from <paramref name="psid"/>; returns its conversation.</summary>
    protected async Task<Guid> WaitForMessageAsync(Staff staff, string psid, string mid)
    {
        var id = await staff.Probe.WaitForAsync($"message {mid} from {psid}", async () =>
        {
            if (await FindConversationAsync(staff, psid) is not { } conversationId)
            {
                return null;
            }

            var messages = await MessagesAsync(staff, conversationId);
            return messages.Any(m => m.GetProperty("mid").GetString() == mid) ? (object)conversationId : null;
        });
        return (Guid)id;
    }

    /// <summary>
    /// Waits until everything posted so far is processed: another customer writes through the sandbox, and deliveries
    /// are worked through in order, so once that message shows, the ones before it are done.
    /// </summary>
    protected async Task ProcessedAsync(Staff staff)
    {
        var marker = NewPsid();
        await WaitForMessageAsync(staff, marker, Meta.CustomerSendsMessage(SandboxSeed.MainPageId, marker, "marker"));
    }

    /// <summary>The conversation with everything the API says of it: <c>conversation</c>, <c>messages</c>, <c>can_reply</c>, <c>lead</c>…</summary>
    protected static Task<JsonElement> DetailAsync(Staff staff, Guid id) => staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

    protected static async Task<Guid?> FindConversationAsync(Staff staff, string psid)
    {
        var list = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={SandboxSeed.MainPageId}&page_size=200");
        return list.GetProperty("conversations").EnumerateArray()
            .Where(c => c.GetProperty("psid").GetString() == psid)
            .Select(c => (Guid?)c.GetProperty("id").GetGuid())
            .FirstOrDefault();
    }

    protected static async Task<JsonElement> ConversationAsync(Staff staff, Guid id) =>
        (await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("conversation");

    protected static async Task<IReadOnlyList<JsonElement>> MessagesAsync(Staff staff, Guid id) =>
        [.. (await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}/messages")).GetProperty("messages").EnumerateArray()];

    /// <summary>The messages sent to this customer through the Send API, as the sandbox recorded them.</summary>
    protected IReadOnlyList<SentMessage> SentTo(string psid) => [.. Meta.SentMessages.Where(m => m.Psid == psid)];

    /// <summary>How many Send API calls reached the sandbox at all (accepted or refused).</summary>
    protected int SendApiCalls() => Meta.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));

    /// <summary>POSTs a body to /webhook signed with the app secret, as Meta would (for replays and for events the sandbox does not make).</summary>
    /// <summary>The conversation's thread-control audit rows (outcome and note), oldest first.</summary>
    protected async Task<List<(string Outcome, string? Detail)>> ThreadControlAuditAsync(Staff staff, Guid id)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        var rows = await App.Db(scope).AuditEntries.Where(a => a.Action == "thread_control" && a.SubjectId == id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Outcome, a.Detail }).ToListAsync();
        return rows.Select(a => (a.Outcome, a.Detail)).ToList();
    }

    /// <summary>The outcomes of the conversation's send audit rows (sent, failed, unconfirmed...), oldest first.</summary>
    protected async Task<List<string>> SendAuditAsync(Staff staff, Guid id)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        return await App.Db(scope).AuditEntries.AsNoTracking()
            .Where(a => a.SubjectId == id.ToString() && a.Action == LeadOps.Application.Common.Audit.AuditActions.SendMessage)
            .OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync();
    }

    protected async Task PostSignedWebhookAsync(string body)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Meta.Options.AppSecret), Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + signature);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Replays a delivery exactly as the sandbox sent it (same bytes, same signature).</summary>
    protected async Task ReplayAsync(WebhookDelivery delivery)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", delivery.Signature);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    protected static string CustomerMessageBody(string psid, string mid, string text, DateTimeOffset at) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[]
        {
            new
            {
                id = SandboxSeed.MainPageId,
                time = at.ToUnixTimeMilliseconds(),
                messaging = new[]
                {
                    new { sender = new { id = psid }, recipient = new { id = SandboxSeed.MainPageId }, timestamp = at.ToUnixTimeMilliseconds(), message = new { mid, text } },
                },
            },
        },
    });

    /// <summary>A new staff user and a customer who wrote to the page: the conversation that makes.</summary>
    protected async Task<(Staff Staff, string Psid, Guid Id)> ConversationAsync(string question)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        return (staff, psid, await CustomerWritesAsync(staff, psid, question));
    }

    /// <summary>A reply through LeadOps' own API, and its answer.</summary>
    protected static async Task<JsonElement> ReplyAsync(Staff staff, Guid id, string text)
    {
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text });
        return await reply.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Runs <paramref name="call"/> (a reply, a retry) while moving the clock through the pauses the app's Graph client
    /// makes on it between attempts: its backoff, and its pacing when a usage header is near the limit, both at most the
    /// client's <c>MaxPacingDelay</c> when Graph names no wait. Longer timers on the clock (the attempt and total timeouts,
    /// a delivery claim's renewal, the workers' beats) are left alone. Gives up through <see cref="HangGuard"/>, never hangs.
    /// </summary>
    protected Task<T> ThroughGraphPausesAsync<T>(string what, Func<Task<T>> call)
    {
        var resilience = App.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.Resilience;
        bool IsGraphPause(TimeSpan due) => due > TimeSpan.Zero && due <= resilience.MaxPacingDelay && due != resilience.AttemptTimeout && due != resilience.TotalTimeout;
        Clock.ForgetUnclaimedTimers();
        return HangGuard.WaitAsync(what, async ct => (await Clock.RunThroughWaitsAsync(call(), IsGraphPause, HangGuard.Limit, ct)).Result);
    }

    /// <summary>
    /// A reply through LeadOps' API whose webhooks from the sandbox (its echo and delivery receipt) never reach the app: the
    /// test posts Meta's own. The sandbox posts in the background, so holding ends only once everything it published has
    /// reached the receiver and is held there; an echo still on its way when holding ended would reach the app as a second
    /// echo of the same send, which LeadOps rightly keeps as another page message.
    /// </summary>
    protected async Task<JsonElement> ReplyWithoutSandboxWebhooksAsync(Staff staff, Guid id, string text)
    {
        App.Webhooks.Hold = true;
        try
        {
            return await ReplyAsync(staff, id, text);
        }
        finally
        {
            await HangGuard.WaitAsync("the sandbox's webhooks of the reply reached the receiver", ct => Meta.WhenWebhooksDrainedAsync(ct));
            App.Webhooks.Hold = false;
        }
    }

    /// <summary>The one staff message of a thread, if there is one.</summary>
    protected static JsonElement? StaffReply(IEnumerable<JsonElement> messages) =>
        messages.Where(m => m.GetProperty("sender").GetString() == "staff").Select(m => (JsonElement?)m).SingleOrDefault();

    /// <summary>
    /// Meta's echo of a message LeadOps' own app sent (its <c>app_id</c>), a second after the clock's now, with
    /// <paramref name="attachments"/> written as Meta writes them; answers the echo's new <c>mid</c>.
    /// </summary>
    protected async Task<string> PostOwnEchoAsync(string psid, string midPrefix, string? text, string attachments)
    {
        var mid = midPrefix + Guid.NewGuid().ToString("N");
        var ownAppId = App.Services.GetRequiredService<MessengerOptions>().OwnAppId!;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var echo = MetaEvents.Echo(psid, MetaEvents.Millis(Clock.GetUtcNow()), mid, text, ownAppId, attachments: JsonNode.Parse(attachments)!.AsArray());
        await PostSignedWebhookAsync(MetaEvents.Messaging(echo));
        return mid;
    }

    /// <summary>Meta's echo of a page message; with <paramref name="appId"/>, of one an app sent (<c>app_id</c>).</summary>
    protected static string EchoBody(string psid, string mid, string text, DateTimeOffset at, string? appId = null) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[]
        {
            new
            {
                id = SandboxSeed.MainPageId,
                time = at.ToUnixTimeMilliseconds(),
                messaging = new[]
                {
                    new { sender = new { id = SandboxSeed.MainPageId }, recipient = new { id = psid }, timestamp = at.ToUnixTimeMilliseconds(), message = appId is null ? (object)new { is_echo = true, mid, text } : new { is_echo = true, app_id = appId, mid, text } },
                },
            },
        },
    });
}
