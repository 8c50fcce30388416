namespace LeadOps.SecurityTests;

/// <summary>
/// <c>/inbox/files/{id}</c> serves the Inbox's pages and API clients alike (ADR 0011). A caller with an API key is
/// answered as the house API answers it: ProblemDetails for an address that names no file of theirs (malformed, unknown,
/// or another user's file, all one and the same 404) and for bad input. A signed-in browser still gets the friendly
/// "Page not found" page, which does not tell another user's file from none either.
/// </summary>
public sealed class StoredFileErrorsTests(DatabaseKind database) : SecurityFixture(database)
{
    [Test]
    public async Task With_an_api_key_a_file_that_is_not_yours_is_one_and_the_same_404_problem_whatever_the_id()
    {
        var (owner, _) = await StaffWithPageAsync();
        var othersFile = (await CustomerSendsTwoFilesAsync(owner))[0];
        using var api = App.ApiClient(await App.NewUserAsync());

        var bodies = new List<string>();
        foreach (var url in NotYours(othersFile))
        {
            using var response = await api.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), url);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(problem.GetProperty("error").GetString(), Is.EqualTo("Not found"), url);
            Assert.That(problem.GetProperty("correlation_id").GetString(), Is.Not.Empty, url);
            bodies.Add(WithoutRequestIds(problem));
        }

        Assert.That(bodies.Distinct(), Has.Exactly(1).Items, "another user's file answers exactly as no file: " + string.Join(" | ", bodies));
    }

    [Test]
    public async Task With_an_api_key_a_query_that_is_not_utf8_is_a_400_problem()
    {
        var (owner, _) = await StaffWithPageAsync();
        var file = (await CustomerSendsTwoFilesAsync(owner))[0];
        using var api = App.ApiClient(owner);

        using var response = await api.GetAsync(file + "?q=%C3%28%FF");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task A_signed_in_browser_gets_the_page_not_found_page_for_a_file_that_is_not_theirs()
    {
        var (owner, _) = await StaffWithPageAsync();
        var othersFile = (await CustomerSendsTwoFilesAsync(owner))[0];
        var browser = await App.SignedInClientAsync(await App.NewUserAsync());

        foreach (var url in NotYours(othersFile))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            using var response = await browser.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), url);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Page not found"), url);
        }
    }

    /// <summary>Another user's file, an unknown id, and ids that are not ids at all.</summary>
    private static string[] NotYours(string othersFile) =>
        [othersFile, $"/inbox/files/{Guid.NewGuid():N}", "/inbox/files/not-a-file-id", "/inbox/files/12345"];

    private static string WithoutRequestIds(JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name is not ("correlation_id" or "traceId")).Select(p => $"{p.Name}={p.Value}"));
}
