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
        var urls = await CustomerSendsTwoFilesAsync(user);
        using var api = App.ApiClient(user);

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
