using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LeadOps.IntegrationTests.Platform;

public sealed class ErrorHandlingTests(DatabaseKind database) : AppFixture(database)
{
    [Test]
    public async Task Unknown_api_route_is_404_problem_details_without_stack_trace()
    {
        var user = await App.NewUserAsync();
        using var client = App.ApiClient(user);
        var response = await client.GetAsync("/api/does-not-exist");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Not.Contain(" at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Unknown_page_is_a_friendly_404()
    {
        var user = await App.NewUserAsync();
        using var client = await App.SignedInClientAsync(user);
        var response = await client.GetAsync("/no/such/page");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Page not found").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Invalid_command_input_is_400_with_field_errors_and_nothing_stored()
    {
        var user = await App.NewUserAsync();
        using var client = await App.SignedInApiClientAsync(user);
        var response = await client.PostAsJsonAsync("/api/api-keys", new { name = "  " });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("Give the key a name."));
        Assert.That(body.GetProperty("errors").GetProperty("name")[0].GetString(), Is.EqualTo("Give the key a name."));

        var keys = await client.GetFromJsonAsync<JsonElement>("/api/api-keys");
        Assert.That(keys.GetProperty("api_keys").GetArrayLength(), Is.EqualTo(1), "only the key the test user was made with");
    }

    [Test]
    public async Task Malformed_json_and_unknown_fields_are_400_without_internals()
    {
        var user = await App.NewUserAsync();
        using var client = await App.SignedInApiClientAsync(user);
        foreach (var json in new[] { "{\"name\":", "{\"name\":\"x\",\"admin\":true}" })
        {
            var response = await client.PostAsync("/api/api-keys", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), json);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(body, Does.Not.Contain(" at ").And.Not.Contain("System."), json);
        }
    }

    [Test]
    public async Task Status_reports_database_and_workers()
    {
        using var client = App.OperatorClient();
        var response = await client.GetAsync("/status");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(body.GetProperty("checks").TryGetProperty("workers", out _), Is.True);
    }
}
