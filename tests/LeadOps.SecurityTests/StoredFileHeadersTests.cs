namespace LeadOps.SecurityTests;

/// <summary>
/// LeadOps' copies of what customers send (ADR 0011) are served under a policy of their own, <c>default-src 'none';
/// sandbox</c>: a file that turned out to be a page can load nothing and run nothing. The pages' policy, which the
/// security headers wrote over it, allows scripts from LeadOps itself.
/// </summary>
public sealed class StoredFileHeadersTests(DatabaseKind database) : SecurityFixture(database)
{
    [Test]
    public async Task A_customers_image_and_file_are_served_with_a_sandboxing_policy_of_their_own()
    {
        var (user, _) = await StaffWithPageAsync();
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

        foreach (var url in urls)
        {
            var response = await api.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(", ", values) : null;
            Assert.That(csp, Is.EqualTo("default-src 'none'; sandbox"), url);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), url);
        }
    }
}
