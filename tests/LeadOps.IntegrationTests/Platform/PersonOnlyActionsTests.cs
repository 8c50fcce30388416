using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>
/// Creating and revoking API keys and registering outgoing webhook endpoints need the person's signed-in session, never
/// a bearer key (ADR 0018): a leaked key that could make another key, or point the user's leads at a webhook, would
/// outlive its revocation. A key's attempt, over the API or through the pages a key can reach, is a 403 ProblemDetails
/// that says so and changes nothing; the same actions in the person's session still work.
/// </summary>
public sealed class PersonOnlyActionsTests(DatabaseKind database) : AppFixture(database)
{
    private const string Refused = "API keys cannot create or revoke API keys or register webhook endpoints";

    [Test]
    public async Task A_personal_key_can_neither_create_nor_revoke_keys_nor_register_an_endpoint_over_the_api()
    {
        var user = await App.NewUserAsync();
        var otherKeyId = await SecondKeyAsync(user);
        using var api = App.ApiClient(user);

        using var created = await api.PostAsJsonAsync("/api/api-keys", new { name = "outlives-its-key" });
        using var revoked = await api.DeleteAsync($"/api/api-keys/{otherKeyId}");
        using var endpoint = await api.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://hooks.example.com/exfiltrate", events = new[] { "lead.created" } });

        foreach (var response in new[] { created, revoked, endpoint })
        {
            await AssertRefusedAsync(response);
        }

        await AssertNothingChangedAsync(user, otherKeyId);
    }

    [Test]
    public async Task The_admin_key_cannot_create_keys_either()
    {
        using var admin = App.NewClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        admin.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);

        using var created = await admin.PostAsJsonAsync("/api/api-keys", new { name = "outlives-its-key" });

        await AssertRefusedAsync(created);
    }

    [Test]
    public async Task A_personal_key_cannot_create_or_revoke_keys_or_register_an_endpoint_through_the_pages()
    {
        var user = await App.NewUserAsync();
        var otherKeyId = await SecondKeyAsync(user);
        using var keyBrowser = App.NewClient(cookies: true);
        keyBrowser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.ApiKey);

        // The key reads the pages (their forms and antiforgery tokens), then posts them as a browser would.
        using var created = await keyBrowser.PostFormAsync("/Account?handler=CreateKey", new Dictionary<string, string> { ["KeyName"] = "outlives-its-key" }, formPage: "/Account");
        using var revoked = await keyBrowser.PostFormAsync($"/Account?handler=RevokeKey&id={otherKeyId}", new Dictionary<string, string>(), formPage: "/Account");
        using var endpoint = await keyBrowser.PostFormAsync(
            "/Webhooks?handler=Create", new Dictionary<string, string> { ["Input.Url"] = "https://hooks.example.com/exfiltrate", ["Input.Events"] = "lead.created" }, formPage: "/Webhooks");

        foreach (var response in new[] { created, revoked, endpoint })
        {
            await AssertRefusedAsync(response);
        }

        await AssertNothingChangedAsync(user, otherKeyId);
    }

    [Test]
    public async Task The_person_signed_in_still_creates_and_revokes_keys_and_registers_endpoints_over_the_api()
    {
        var user = await App.NewUserAsync();
        using var person = await App.SignedInApiClientAsync(user);

        using var created = await person.PostAsJsonAsync("/api/api-keys", new { name = "crm" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var revoked = await person.DeleteAsync($"/api/api-keys/{id}");
        using var endpoint = await person.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://hooks.example.com/crm", events = new[] { "lead.created" } });

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(endpoint.StatusCode, Is.EqualTo(HttpStatusCode.Created), await endpoint.Content.ReadAsStringAsync());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{response.RequestMessage?.RequestUri}: {text}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var body = JsonDocument.Parse(text).RootElement;
        Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo(403));
        Assert.That(body.GetProperty("error").GetString(), Does.StartWith(Refused));
    }

    /// <summary>A second active key of the user's, made as the person would (the test user's own key is the first).</summary>
    private async Task<Guid> SecondKeyAsync(TestUser user)
    {
        using var person = await App.SignedInApiClientAsync(user);
        using var created = await person.PostAsJsonAsync("/api/api-keys", new { name = "second" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task AssertNothingChangedAsync(TestUser user, Guid otherKeyId)
    {
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync();
        var endpoints = await db.WebhookEndpoints.CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(keys.Select(k => k.Name), Is.EquivalentTo(new[] { "tests", "second" }), "no key made");
            Assert.That(keys.Single(k => k.Id == otherKeyId).RevokedAt, Is.Null, "no key revoked");
            Assert.That(endpoints, Is.Zero, "no endpoint registered");
        });
    }
}
