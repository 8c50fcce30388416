using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using LeadOps.Application.Account;
using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace LeadOps.TestSupport;

/// <summary>A staff user made for one test: id, e-mail, a personal API key, and clients signed in either way.</summary>
public sealed record TestUser(string Id, string Email, string ApiKey);

public static partial class TestUsers
{
    public const string Password = "Correct-Horse-42";

    /// <summary>A new staff user with a confirmed e-mail, the shared password and a personal API key.</summary>
    public static async Task<TestUser> NewUserAsync(this TestApp app, string? email = null)
    {
        email ??= $"staff-{Guid.NewGuid():N}@leadops.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors.Select(e => e.Description)));

        await using var owned = app.ScopeFor(user.Id);
        var (key, prefix, hash) = ApiKeySecret.Generate();
        var db = app.Db(owned);
        db.ApiKeys.Add(new ApiKey { Name = "tests", Prefix = prefix, SecretHash = hash, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return new TestUser(user.Id, email, key);
    }

    /// <summary>A client that calls the JSON APIs with the user's personal API key.</summary>
    public static HttpClient ApiClient(this TestApp app, TestUser user)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.ApiKey);
        return client;
    }

    /// <summary>A browser-like client (cookies, antiforgery) signed in through the real sign-in page.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this TestApp app, TestUser user)
    {
        var client = app.NewClient(cookies: true);
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = Password,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sign-in should redirect: " + Regex.Match(await response.Content.ReadAsStringAsync(), "text-danger[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value);
        return client;
    }

    /// <summary>
    /// A signed-in browser calling the house API as the app's own scripts do: its cookie, and the page's antiforgery
    /// token in <c>X-CSRF-TOKEN</c>. What only a person may do (create or revoke API keys, register webhook endpoints)
    /// takes this client, never <see cref="ApiClient"/>.
    /// </summary>
    public static async Task<HttpClient> SignedInApiClientAsync(this TestApp app, TestUser user)
    {
        var client = await app.SignedInClientAsync(user);
        var token = CsrfMetaToken().Match(await client.GetStringAsync("/Account"));
        Assert.That(token.Success, Is.True, "no csrf-token meta tag on /Account");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", WebUtility.HtmlDecode(token.Groups[1].Value));
        return client;
    }

    /// <summary>GETs the form's page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var token = AntiforgeryToken().Match(page);
        Assert.That(token.Success, Is.True, $"no antiforgery token on {formPage ?? path}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMetaToken();
}
