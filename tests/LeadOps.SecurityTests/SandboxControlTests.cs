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
}
