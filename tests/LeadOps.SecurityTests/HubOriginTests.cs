namespace LeadOps.SecurityTests;

/// <summary>
/// A WebSocket is not held to CORS and the session cookie (SameSite=Lax) goes with requests from sibling sites of the
/// same domain: the live hubs answer a signed-in browser only when its <c>Origin</c> is LeadOps' own.
/// </summary>
public sealed class HubOriginTests(DatabaseKind database) : SecurityFixture(database)
{
    [TestCase("/hubs/inbox")]
    [TestCase("/hubs/leads")]
    public async Task A_signed_in_browser_reaches_the_live_hubs_from_leadops_own_pages_only(string hub)
    {
        var user = await App.NewUserAsync();
        var (browser, _) = await CookieSession.SignedInAsync(App, user);
        var own = browser.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var sibling = own.Replace("://", "://blog.", StringComparison.Ordinal);

        var foreign = await NegotiateAsync(browser, hub, "https://blog.example.com");
        var siblingSite = await NegotiateAsync(browser, hub, sibling);
        var opaque = await NegotiateAsync(browser, hub, "null");
        var socket = await SendAsync(browser, new HttpRequestMessage(HttpMethod.Get, $"{hub}?id=unknown"), "https://blog.example.com");
        var ours = await NegotiateAsync(browser, hub, own);
        var oursBehindTls = await NegotiateAsync(browser, hub, "https://" + browser.BaseAddress!.Host);
        var noOrigin = await NegotiateAsync(browser, hub, null);

        var refusals = new List<(string Name, HttpStatusCode Status, string? Error)>();
        foreach (var (name, refused) in new[] { ("another site", foreign), ("a sibling site", siblingSite), ("an opaque origin", opaque), ("a connection", socket) })
        {
            var body = await refused.Content.ReadAsStringAsync();
            refusals.Add((name, refused.StatusCode, body.StartsWith('{') ? JsonDocument.Parse(body).RootElement.GetProperty("error").GetString() : body));
        }

        Assert.Multiple(() =>
        {
            foreach (var (name, status, error) in refusals)
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), name);
                Assert.That(error, Is.EqualTo("The live updates answer LeadOps' own pages only."), name);
            }

            Assert.That(ours.StatusCode, Is.EqualTo(HttpStatusCode.OK), "LeadOps' own page");
            Assert.That(oursBehindTls.StatusCode, Is.EqualTo(HttpStatusCode.OK), "its own page as a proxy that ends TLS serves it");
            Assert.That(noOrigin.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no Origin: not a browser's cross-site request");
        });
    }

    /// <summary>
    /// A browser's Fetch Metadata decides when it is sent: <c>same-origin</c> passes even when a proxy changed <c>Host</c>
    /// (the page's host then differs from the request's), a sibling (<c>same-site</c>) or another site does not.
    /// </summary>
    [Test]
    public async Task A_browsers_fetch_metadata_decides_whatever_a_proxy_did_to_the_host()
    {
        var user = await App.NewUserAsync();
        var (browser, _) = await CookieSession.SignedInAsync(App, user);

        var behindProxy = await SendAsync(browser, Negotiate("/hubs/inbox", "same-origin"), "https://leadops.example.com");
        var sibling = await SendAsync(browser, Negotiate("/hubs/inbox", "same-site"), "https://blog.example.com");
        var crossSite = await SendAsync(browser, Negotiate("/hubs/leads", "cross-site"), browser.BaseAddress!.GetLeftPart(UriPartial.Authority));

        Assert.Multiple(() =>
        {
            Assert.That(behindProxy.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the browser says same-origin");
            Assert.That(sibling.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a sibling site");
            Assert.That(crossSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another site, whatever Origin says");
        });
    }

    [Test]
    public async Task A_bearer_key_client_is_not_held_to_an_origin()
    {
        var user = await App.NewUserAsync();
        var client = App.ApiClient(user);

        var response = await NegotiateAsync(client, "/hubs/inbox", "https://blog.example.com");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a key is no ambient credential");
    }

    private static HttpRequestMessage Negotiate(string hub, string fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string hub, string? origin) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1"), origin);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string? origin)
    {
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request);
    }
}
