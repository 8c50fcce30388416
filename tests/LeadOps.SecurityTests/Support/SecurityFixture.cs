using System.Text.RegularExpressions;

namespace LeadOps.SecurityTests.Support;

/// <summary>
/// The real app with the Graph sandbox (its main page connectable, its customers able to write) and an operator key.
/// Helpers make a staff member with the main page connected, a conversation with a customer, and the browser-side
/// pieces an attacker lacks (the antiforgery token).
/// </summary>
public abstract partial class SecurityFixture(DatabaseKind database) : AppFixture(database)
{
    private static int _psidCounter;

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 2 });

    /// <summary>A staff member who connected the sandbox's main page; returns the user and the integration id.</summary>
    protected async Task<(TestUser User, int IntegrationId)> StaffWithPageAsync()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var connect = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });
        Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.Created), await connect.Content.ReadAsStringAsync());
        var body = await connect.Content.ReadFromJsonAsync<JsonElement>();
        return (user, body.GetProperty("id").GetInt32());
    }

    /// <summary>A customer the sandbox has never seen.</summary>
    protected static string NewPsid() => "73" + (Environment.ProcessId % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) +
        Interlocked.Increment(ref _psidCounter).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new customer writes to the main page (a signed webhook); returns the conversation once the user's Inbox has it.</summary>
    protected async Task<(Guid Id, string Psid)> CustomerWritesAsync(TestUser user)
    {
        var psid = NewPsid();
        Graph.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Hello, is the bike still available?");
        using var api = App.ApiClient(user);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={SandboxSeed.MainPageId}&page_size=200", timeout.Token);
            var found = list.GetProperty("conversations").EnumerateArray().FirstOrDefault(c => c.GetProperty("psid").GetString() == psid);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return (found.GetProperty("id").GetGuid(), psid);
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>A conversation started by the bot's escalation (no customer message, so no reply can be sent).</summary>
    protected async Task<Guid> EscalatedConversationAsync(TestUser user)
    {
        using var api = App.ApiClient(user);
        var response = await api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid = NewPsid() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A new customer of the user sends an image and a PDF; returns the addresses of LeadOps' two copies.</summary>
    protected async Task<IReadOnlyList<string>> CustomerSendsTwoFilesAsync(TestUser user)
    {
        var (conversation, psid) = await CustomerWritesAsync(user);
        Graph.Customers.Writes(SandboxSeed.MainPageId, psid, new CustomerMessage("The photo and the quote")
        {
            Attachments = [CustomerAttachment.Image(500), new CustomerAttachment("file") { SizeBytes = 1_000, FileName = "quote.pdf" }],
        });
        using var api = App.ApiClient(user);
        var urls = new List<string>();
        await HangGuard.UntilAsync("the customer's two files copied", async ct =>
        {
            var messages = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/messages", ct);
            urls = [.. messages.GetProperty("messages").EnumerateArray()
                .SelectMany(m => m.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(a => a.TryGetProperty("file_url", out var url) ? url.GetString() : null)
                .OfType<string>()];
            return urls.Count == 2;
        });
        return urls;
    }

    /// <summary>The antiforgery token a page of the app hands its own forms (and scripts) to send back.</summary>
    protected static async Task<string> AntiforgeryTokenAsync(HttpClient cookieClient, string page = "/Account")
    {
        var html = await cookieClient.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.That(match.Success, Is.True, "no antiforgery token on " + page);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A client presenting the operator key (the harness sets one).</summary>
    protected HttpClient OperatorClient() => App.OperatorClient();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
