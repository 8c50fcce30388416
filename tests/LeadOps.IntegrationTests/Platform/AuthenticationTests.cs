using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LeadOps.IntegrationTests.Platform;

public sealed class AuthenticationTests(DatabaseKind database) : AppFixture(database)
{
    [Test]
    public async Task Anonymous_page_visit_redirects_to_sign_in()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var page in new[] { "/Leads", "/Inbox", "/Integrations", "/Account" })
        {
            var response = await client.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), page);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/Account/Login"), page);
        }
    }

    [Test]
    public async Task Signed_in_user_sees_the_three_pages()
    {
        var user = await App.NewUserAsync();
        using var client = await App.SignedInClientAsync(user);
        foreach (var (page, heading) in new[] { ("/Leads", "Leads"), ("/Inbox", "Inbox"), ("/Integrations", "Integrations") })
        {
            var html = await client.GetStringAsync(page);
            Assert.That(html, Does.Match($"<h1 class=\"h3[^\"]*\">{heading}</h1>"), page);
        }
    }

    [Test]
    public async Task Api_without_bearer_is_401_invalid_authentication()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        await AssertUnauthorizedAsync(client, "Invalid authentication");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "abc");
        await AssertUnauthorizedAsync(client, "Invalid authentication");
    }

    [Test]
    public async Task Bad_api_key_is_401_invalid_api_key()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "lo_00000000_not-a-real-key-at-all-000000000000");
        await AssertUnauthorizedAsync(client, "Invalid API key");
    }

    [Test]
    public async Task Revoked_api_key_is_401()
    {
        var user = await App.NewUserAsync();
        using var client = App.ApiClient(user);
        var keys = await client.GetFromJsonAsync<JsonElement>("/api/api-keys");
        var id = keys.GetProperty("api_keys")[0].GetProperty("id").GetGuid();
        using var signedIn = await App.SignedInApiClientAsync(user);
        Assert.That((await signedIn.DeleteAsync($"/api/api-keys/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await AssertUnauthorizedAsync(client, "Invalid API key");
    }

    [Test]
    public async Task Admin_api_key_needs_the_matching_admin_user_header()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminApiKey);
        await AssertUnauthorizedAsync(client, "Invalid admin user ID");

        client.DefaultRequestHeaders.Add("X-Admin-User-ID", "11111111-2222-3333-4444-555555555555");
        await AssertUnauthorizedAsync(client, "Invalid admin user ID");

        client.DefaultRequestHeaders.Remove("X-Admin-User-ID");
        client.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        var ok = await client.GetAsync("/api/api-keys");
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Sign_in_locks_out_after_five_wrong_passwords()
    {
        var user = await App.NewUserAsync();
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = "wrong-password-" + attempt });
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a failed sign-in shows the form again, as refused input");
        }

        var right = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = TestUsers.Password });
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "locked out: no redirect into the app");
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("locked"));
    }

    [Test]
    public async Task Sign_out_ends_the_session()
    {
        var user = await App.NewUserAsync();
        using var client = await App.SignedInClientAsync(user);
        var signOut = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formPage: "/Leads");
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var signInPage = await client.GetStringAsync(signOut.Headers.Location!.ToString());
        Assert.That(signInPage, Does.Contain("You are signed out."), "the sign-in page says the sign-out happened");

        var after = await client.GetAsync("/Leads");
        Assert.That(after.Headers.Location!.ToString(), Does.Contain("/Account/Login"));
    }

    [Test]
    public async Task Form_post_without_antiforgery_token_is_rejected()
    {
        var user = await App.NewUserAsync();
        using var client = await App.SignedInClientAsync(user);
        var response = await client.PostAsync("/Account?handler=CreateKey", new FormUrlEncodedContent(new Dictionary<string, string> { ["KeyName"] = "x" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static async Task AssertUnauthorizedAsync(HttpClient client, string detail)
    {
        var response = await client.GetAsync("/api/api-keys");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo(detail));
        Assert.That(body.EnumerateObject().Count(), Is.EqualTo(1), "nothing else is revealed");
    }
}
