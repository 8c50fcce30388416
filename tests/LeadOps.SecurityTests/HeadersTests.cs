namespace LeadOps.SecurityTests;

/// <summary>
/// Finding 6: no CSP, no frame-ancestors or X-Frame-Options, no nosniff, no Referrer-Policy, no HSTS, the auth cookie never
/// Secure (no forwarded headers behind a TLS proxy), and <c>Server: Kestrel</c>. On a real Kestrel, as deployed.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class HeadersTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await TestApp.Create().OnKestrel().StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase("/Account/Login")]
    [TestCase("/Leads")]
    [TestCase("/api/leads")]
    [TestCase("/css/site.css")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string path)
    {
        using var client = _app.NewClient();
        var response = await client.GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
            Assert.That(csp, Does.Contain("script-src 'self'").And.Not.Contain("unsafe-inline"));
            Assert.That(csp, Does.Contain("default-src 'self'"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin").Or.EqualTo("no-referrer").Or.EqualTo("same-origin"));
            Assert.That(response.Headers.Contains("Server"), Is.False, "no Server header");
        });
    }

    [Test]
    public async Task Behind_a_tls_proxy_the_answer_has_hsts_and_the_auth_cookie_is_secure()
    {
        var user = await _app.NewUserAsync();
        using var client = _app.NewClient(cookies: true);
        var login = await LoginAsync(client, user, forwardedProto: "https");

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Header(login, "Strict-Transport-Security"), Does.Contain("max-age="));
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("LeadOps.Auth=", StringComparison.Ordinal));
        Assert.That(auth, Does.Contain("secure").IgnoreCase);
        Assert.That(auth, Does.Contain("httponly").IgnoreCase);
    }

    [Test]
    public async Task A_forwarded_proto_from_an_unknown_proxy_is_ignored()
    {
        await using var app = await TestApp.Create().OnKestrel().WithSetting("ForwardedHeaders:KnownProxies:0", "10.9.8.7").StartAsync();
        var user = await app.NewUserAsync();
        using var client = app.NewClient(cookies: true);
        var login = await LoginAsync(client, user, forwardedProto: "https");

        Assert.That(login.Headers.Contains("Strict-Transport-Security"), Is.False, "plain HTTP from a proxy the app does not know");
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("LeadOps.Auth=", StringComparison.Ordinal));
        Assert.That(auth, Does.Not.Contain("secure").IgnoreCase);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, TestUser user, string forwardedProto)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email,
                ["Input.Password"] = TestUsers.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Host = "leadops.example";
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
