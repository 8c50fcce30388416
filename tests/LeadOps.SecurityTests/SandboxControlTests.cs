namespace LeadOps.SecurityTests;

/// <summary>Finding 11: the sandbox's control API accepted cross-site simple POSTs, so any web page could inject leads, messages or faults.</summary>
public sealed class SandboxControlTests
{
    [TestCase("Origin", "https://evil.example")]
    [TestCase("Sec-Fetch-Site", "cross-site")]
    [TestCase("Sec-Fetch-Site", "same-site")]
    [TestCase("Origin", "null")]
    public async Task A_cross_origin_request_is_refused_and_changes_nothing(string header, string value)
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { InitialLeadsPerForm = 0 });
        using var client = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var before = sandbox.State.GetSummary().Pages.Sum(p => p.Forms.Sum(f => f.LeadsCount));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/_sandbox/forms/{SandboxSeed.MainTestRideFormId}/leads")
        {
            Content = new StringContent("{\"count\":3}", Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(sandbox.State.GetSummary().Pages.Sum(p => p.Forms.Sum(f => f.LeadsCount)), Is.EqualTo(before));
    }

    [Test]
    public async Task Same_origin_and_non_browser_callers_still_drive_it()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { InitialLeadsPerForm = 0 });
        using var client = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/_sandbox/forms/{SandboxSeed.MainTestRideFormId}/leads")
        {
            Content = new StringContent("{\"count\":1}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", sandbox.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.PostAsync("/_sandbox/reset", null)).IsSuccessStatusCode, Is.True, "a test's plain HTTP client");
    }

    [Test]
    public async Task A_link_from_another_site_opens_the_console_page_but_nothing_else()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { InitialLeadsPerForm = 0 });
        using var client = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var before = sandbox.State.GetSummary().Pages.Sum(p => p.Forms.Sum(f => f.LeadsCount));

        var page = await client.SendAsync(Navigation(HttpMethod.Get, "/_sandbox"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<script src=\"/_sandbox/console.js\"></script>").And.Not.Contain("<script>"));

        Assert.That((await client.SendAsync(Navigation(HttpMethod.Get, "/_sandbox/state"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.SendAsync(Navigation(HttpMethod.Post, $"/_sandbox/forms/{SandboxSeed.MainTestRideFormId}/leads"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(sandbox.State.GetSummary().Pages.Sum(p => p.Forms.Sum(f => f.LeadsCount)), Is.EqualTo(before));
    }

    private static HttpRequestMessage Navigation(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        return request;
    }
}
