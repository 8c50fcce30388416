using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>The house API answers every failure in one shape: ProblemDetails with the message in <c>error</c>.</summary>
public sealed class ApiErrorShapeTests(DatabaseKind database) : AppFixture(database)
{
    [TestCase("/api/integrations/999999", HttpStatusCode.NotFound, "Integration not found")]
    [TestCase("/api/leads/999999", HttpStatusCode.NotFound, "Lead not found")]
    [TestCase("/api/facebook-lead-retrieval/runs/999999", HttpStatusCode.NotFound, "Retrieval run not found")]
    [TestCase("/api/leads?source=bad", HttpStatusCode.BadRequest, "source must be webhook, manual_retrieval or scheduled_retrieval.")]
    [TestCase("/api/conversations?state=bogus", HttpStatusCode.BadRequest, "Unknown state: use needs_human, human_active, bot or resolved.")]
    [TestCase("/api/leads?page_size=abc", HttpStatusCode.BadRequest, "page_size must be a whole number from 1 to 200.")]
    [TestCase("/api/leads?page_size=0", HttpStatusCode.BadRequest, "page_size must be a whole number from 1 to 200.")]
    [TestCase("/api/leads?page_size=500", HttpStatusCode.BadRequest, "page_size must be a whole number from 1 to 200.")]
    [TestCase("/api/leads?cursor=not-a-cursor", HttpStatusCode.BadRequest, "cursor is not one this list gave: pass next_cursor from the previous page, or none for the first.")]
    [TestCase("/api/conversations?page_size=-5", HttpStatusCode.BadRequest, "page_size must be a whole number from 1 to 200.")]
    [TestCase("/api/conversations?page_size=1.5", HttpStatusCode.BadRequest, "page_size must be a whole number from 1 to 200.")]
    [TestCase("/api/conversations?page=0", HttpStatusCode.BadRequest, "page must be a whole number from 1 to 10737418.")]
    [TestCase("/api/conversations?page=50000000&page_size=50", HttpStatusCode.BadRequest, "page must be a whole number from 1 to 10737418.")]
    public async Task A_refusal_is_problem_details_with_the_message_in_error(string path, HttpStatusCode expected, string error)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        using var response = await api.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "type", "title", "status", "error", "correlation_id", "traceId" }));
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo((int)expected));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
            Assert.That(body.GetProperty("correlation_id").GetString(), Has.Length.EqualTo(32));
        });
    }

    [Test]
    public async Task Revoking_an_unknown_key_is_a_404_problem()
    {
        var user = await App.NewUserAsync();
        using var api = await App.SignedInApiClientAsync(user);

        using var response = await api.DeleteAsync($"/api/api-keys/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("API key not found"));
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("Not Found"));
    }
}
