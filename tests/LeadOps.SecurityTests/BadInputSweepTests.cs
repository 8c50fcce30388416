using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.SecurityTests;

/// <summary>
/// Every API route and every page handler the running app maps (found at run time, so routes added later are swept too),
/// each sent malformed JSON, bodies of the wrong kind, wrong types, invalid UTF-8, a 10 MB and a 10,000-deep body,
/// out-of-range numbers and dates, bad route values: every answer is a 4xx with a message, and no table changes.
/// The caller is the brief's admin with their own data (an integration, leads, a run, a conversation with a reply, an
/// API key), so route parameters name real rows and handlers get as far as they can. On SQLite, the app's workers idle.
/// </summary>
[Category(TestCategories.Slow)]
public sealed partial class BadInputSweepTests
{
    private TestApp _app = null!;
    private readonly Dictionary<string, string> _ids = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.Create()
            .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 2 })
            .WithClock(new FakeTimeProvider(DateTimeOffset.UtcNow)) // no "last used" stamp of the API key moves during the sweep
            .WithSetting("Welcome:WorkerEnabled", "false")
            .WithSetting("OutgoingWebhooks:WorkerEnabled", "false")
            .WithSetting("Conversions:WorkerEnabled", "false")
            .WithSetting("Scheduling:Enabled", "false")
            .StartAsync();
        await SeedAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Every_route_and_page_handler_answers_bad_input_with_a_4xx_and_a_message_and_changes_nothing()
    {
        var targets = await EndpointCatalog.ReadAsync(_app.Services);
        Assert.That(targets.Count(t => t.Kind == "api"), Is.GreaterThan(20), "the app's API routes were found");
        Assert.That(targets.Count(t => t.Kind == "page" && t.Method == "POST"), Is.GreaterThan(15), "the pages' post handlers were found");

        using var api = AdminApi();
        var pages = await PagesClientAsync();
        await WaitUntilQuietAsync();
        var before = await DatabaseSnapshot.TakeAsync(_app.ConnectionString);
        var failures = new List<string>();
        foreach (var target in targets)
        {
            TestContext.Out.WriteLine($"{target}: query [{string.Join(", ", target.Query.Select(f => f.Name))}], body [{string.Join(", ", target.Body.Select(f => f.Name))}]");
        }

        var sent = 0;
        foreach (var target in targets)
        {
            var client = target.Kind == "page" ? pages.Client : api;
            foreach (var input in BadInputs.For(target, Plausible))
            {
                using var request = new HttpRequestMessage(new HttpMethod(input.Method), input.Url) { Content = input.Body() };
                if (target.Kind == "page")
                {
                    request.Headers.Add("X-CSRF-TOKEN", pages.Token);
                }

                using var response = await client.SendAsync(request);
                sent++;
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status is < 400 or > 499 || body.Trim().Length == 0 || body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{target} with {input.What} ({input.Url}): {status} {Shorten(body)}");
                }
            }
        }

        var after = await DatabaseSnapshot.TakeAsync(_app.ConnectionString);
        TestContext.Out.WriteLine($"{targets.Count} routes and handlers, {sent} bad requests, {failures.Count} answered wrongly:");
        failures.ForEach(f => TestContext.Out.WriteLine("  " + f.ReplaceLineEndings(" ")));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, $"every bad input is a 4xx with a message ({failures.Count} were not; listed in the output)");
            Assert.That(after.DifferencesFrom(before), Is.Empty, "nothing in the database changed");
        });
    }

    /// <summary>The admin's own rows, by what the route segment before the parameter names.</summary>
    private string Plausible(RouteParameter parameter) => (parameter.Before?.ToLowerInvariant(), parameter.Name.ToLowerInvariant()) switch
    {
        ("integrations", _) => _ids["integration"],
        ("leads", _) or (_, "id") when parameter.Constraint == "long" && parameter.Before?.ToLowerInvariant() != "runs" => _ids["lead"],
        ("runs", _) => _ids["run"],
        ("conversations", _) or ("conversation", _) or ("inbox", _) => _ids["conversation"],
        ("messages", _) or (_, "messageid") => _ids["message"],
        ("api-keys", _) => _ids["api-key"],
        ("error", _) => "400",
        _ => parameter.Constraint switch { "guid" => _ids["conversation"], "int" => _ids["integration"], "long" => _ids["lead"], _ => "x" },
    };

    private async Task SeedAsync()
    {
        using var api = AdminApi();
        var connect = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });
        Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        _ids["integration"] = (await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var retrieve = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainTestRideFormId, integration_id = int.Parse(_ids["integration"], System.Globalization.CultureInfo.InvariantCulture) });
        Assert.That(retrieve.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _ids["lead"] = BadInputs.Invariant((await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads")[0].GetProperty("id").GetInt64());
        _ids["run"] = BadInputs.Invariant((await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0].GetProperty("id").GetInt64());
        await using (var scope = _app.ScopeFor(TestApp.AdminUserId))
        {
            // Made in the database: a bearer key does not make keys (ADR 0018), and the admin has no browser session here.
            var (_, prefix, hash) = LeadOps.Application.Account.ApiKeySecret.Generate();
            var key = new LeadOps.Domain.Common.ApiKey { Name = "sweep", Prefix = prefix, SecretHash = hash, CreatedAt = DateTimeOffset.UtcNow };
            var db = _app.Db(scope);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            _ids["api-key"] = key.Id.ToString();
        }

        var psid = "7400" + Environment.ProcessId.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        _app.Graph.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Hello there");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement conversation;
        while (true)
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/conversations?page_id={SandboxSeed.MainPageId}", timeout.Token);
            conversation = list.GetProperty("conversations").EnumerateArray().FirstOrDefault(c => c.GetProperty("psid").GetString() == psid);
            if (conversation.ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(100, timeout.Token);
        }

        _ids["conversation"] = conversation.GetProperty("id").GetGuid().ToString();
        var reply = await api.PostAsJsonAsync($"/api/conversations/{_ids["conversation"]}/messages", new { text = "Hi, how can we help?" });
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _ids["message"] = BadInputs.Invariant((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message_id").GetInt64());
    }

    /// <summary>Webhooks (the reply's echo and receipts) and the retrieval settle before the "before" snapshot.</summary>
    private async Task WaitUntilQuietAsync()
    {
        var last = await DatabaseSnapshot.TakeAsync(_app.ConnectionString);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Task.Delay(500);
            var now = await DatabaseSnapshot.TakeAsync(_app.ConnectionString);
            if (!now.DifferencesFrom(last).Any())
            {
                return;
            }

            last = now;
        }

        Assert.Fail("the app did not settle within 30 seconds");
    }

    private HttpClient AdminApi()
    {
        var client = _app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        client.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        return client;
    }

    private async Task<(HttpClient Client, string Token)> PagesClientAsync()
    {
        var (client, _) = await CookieSession.SignedInAsync(_app, new TestUser(TestApp.AdminUserId, TestApp.AdminEmail, TestApp.AdminApiKey));
        var html = await client.GetStringAsync("/Account");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return (client, WebUtility.HtmlDecode(token));
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
