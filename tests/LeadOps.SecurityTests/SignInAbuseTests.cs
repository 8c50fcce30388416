using System.Text.RegularExpressions;
using LeadOps.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadOps.SecurityTests;

/// <summary>
/// Finding 7: no rate limit on sign-in (40 attempts in 0.2 s); the lockout message, a failed sign-in's timing and
/// registration each revealed which accounts exist.
/// </summary>
public sealed partial class SignInAbuseTests
{
    [Test]
    public async Task Sign_in_attempts_from_one_address_are_limited_with_429_and_retry_after()
    {
        await using var app = await TestApp.Create().WithSetting("Security:SignInPermitsPerAddress", "3").WithSetting("Security:SignInPermitsPerAccount", "100").StartAsync();
        using var client = app.NewClient(cookies: true);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var allowed = await SignInAsync(client, $"nobody-{attempt}@leadops.test", "wrong-password-1");
            Assert.That(allowed.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), $"attempt {attempt + 1}");
        }

        var limited = await SignInAsync(client, "someone-else@leadops.test", "wrong-password-1");
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null, "Retry-After says when to come back");
        Assert.That(await limited.Content.ReadAsStringAsync(), Does.Contain("Too many"));

        var register = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "new@leadops.test", ["Input.Password"] = "Long-enough-1", ["Input.ConfirmPassword"] = "Long-enough-1",
        }, formPage: "/Account/Register");
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "registration shares the address's budget");
    }

    [Test]
    public async Task Sign_in_attempts_for_one_account_are_limited_whatever_the_address()
    {
        await using var app = await TestApp.Create().WithSetting("Security:SignInPermitsPerAddress", "100").WithSetting("Security:SignInPermitsPerAccount", "3").StartAsync();
        var user = await app.NewUserAsync();
        using var client = app.NewClient(cookies: true);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInAsync(client, user.Email, "wrong-password-" + attempt);
        }

        var limited = await SignInAsync(client, user.Email, TestUsers.Password);
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "even the right password waits");
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
        Assert.That(await limited.Content.ReadAsStringAsync(), Does.Match(@"Try again in [1-5] minutes\."), "the 5-minute window's wait in minutes, not some 300 seconds");

        var other = await app.NewUserAsync();
        var fine = await SignInAsync(client, other.Email, TestUsers.Password);
        Assert.That(fine.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "another account is not held up");
    }

    [Test]
    public async Task Known_locked_and_unknown_accounts_get_the_same_message_and_a_password_check_each()
    {
        var counter = new CountingPasswordHasher.Counter();
        await using var app = await TestApp.Create()
            .WithServices(s =>
            {
                s.AddSingleton(counter);
                s.Replace(ServiceDescriptor.Scoped<IPasswordHasher<ApplicationUser>, CountingPasswordHasher>());
            })
            .StartAsync();
        var known = await app.NewUserAsync();
        var locked = await app.NewUserAsync();
        using var client = app.NewClient(cookies: true);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(client, locked.Email, "wrong-password-" + attempt);
        }

        var messages = new Dictionary<string, string>();
        foreach (var (who, email) in new[] { ("known", known.Email), ("locked", locked.Email), ("unknown", $"nobody-{Guid.NewGuid():N}@leadops.test") })
        {
            var before = counter.Verifications;
            var response = await SignInAsync(client, email, "wrong-password-x");
            Assert.That(counter.Verifications - before, Is.EqualTo(1), $"{who}: one password check, so the answer takes as long");
            messages[who] = ErrorText(await response.Content.ReadAsStringAsync());
        }

        Assert.That(messages["locked"], Is.EqualTo(messages["known"]));
        Assert.That(messages["unknown"], Is.EqualTo(messages["known"]));
        Assert.That(messages["known"], Is.Not.Empty);
    }

    [Test]
    public async Task Registering_an_existing_address_answers_as_a_new_one_does()
    {
        await using var app = await TestApp.Create().StartAsync();
        var existing = await app.NewUserAsync();
        var answers = new List<(HttpStatusCode Status, string? Location, string Text)>();
        foreach (var email in new[] { $"new-{Guid.NewGuid():N}@leadops.test", existing.Email })
        {
            using var client = app.NewClient(cookies: true);
            var response = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = "Long-enough-1", ["Input.ConfirmPassword"] = "Long-enough-1",
            }, formPage: "/Account/Register");
            var text = (await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL", StringComparison.Ordinal);
            answers.Add((response.StatusCode, response.Headers.Location?.ToString(), text));
            Assert.That(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("LeadOps.Auth=", StringComparison.Ordinal)), Is.False, "no session either way");
        }

        Assert.That(answers[1], Is.EqualTo(answers[0]));
        Assert.That(answers[0].Text, Does.Not.Contain("taken"));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static string ErrorText(string html) => ValidationSummary().Match(html).Groups[1].Value.Trim();

    [GeneratedRegex("validation-summary-errors[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ValidationSummary();
}
