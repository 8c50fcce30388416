using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.SecurityTests;

/// <summary>
/// A weak admin or operator key (shorter than 32 characters, or the brief's example value) is not refused, since the
/// brief's own example must keep working: it is warned about once at start, naming the settings and never a value, and
/// shown among the /status details to those who may see them.
/// </summary>
public sealed class WeakApiKeyTests
{
    private const string Placeholder = "your_admin_api_key_here";
    private const string ShortOperatorKey = "short-operator-key-0123456789";

    [Test]
    public async Task The_briefs_example_key_and_a_short_key_start_with_one_warning_and_show_on_status_details()
    {
        var logs = new FakeLogCollector();
        await using var app = await KeyEncryptionKeyTests.WithLogs(TestApp.Create(), logs)
            .WithSetting("Admin:ApiKey", Placeholder)
            .WithSetting("Operator:ApiKey", ShortOperatorKey)
            .StartAsync();

        var warnings = logs.GetSnapshot().Where(l => l.Message.Contains("Weak API key", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1), "one warning at start");
        Assert.Multiple(() =>
        {
            Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(warnings[0].Message, Does.Contain("Admin:ApiKey (ADMIN_API_KEY)").And.Contain("Operator:ApiKey"));
            Assert.That(logs.GetSnapshot().Any(l => l.Message.Contains(Placeholder, StringComparison.Ordinal) || l.Message.Contains(ShortOperatorKey, StringComparison.Ordinal)), Is.False, "never the value");
        });

        using var admin = app.NewClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", Placeholder);
        admin.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        Assert.That((await admin.GetAsync("/api/api-keys")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the brief's example key keeps working");

        var user = await app.NewUserAsync();
        var details = await (await (await app.SignedInClientAsync(user)).GetAsync("/status")).Content.ReadAsStringAsync();
        var check = JsonDocument.Parse(details).RootElement.GetProperty("checks").GetProperty("api_keys");
        Assert.Multiple(() =>
        {
            Assert.That(check.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(check.GetProperty("description").GetString(), Does.Contain("Admin:ApiKey (ADMIN_API_KEY) and Operator:ApiKey"));
            Assert.That(details, Does.Not.Contain(Placeholder).And.Not.Contain(ShortOperatorKey), "never the value");
        });

        var liveness = await app.NewClient().GetStringAsync("/status");
        Assert.That(liveness, Does.Not.Contain("api_keys").And.Not.Contain("ApiKey"), "anonymous callers see the status alone");
    }

    [Test]
    public async Task Long_keys_give_no_warning()
    {
        var logs = new FakeLogCollector();
        await using var app = await KeyEncryptionKeyTests.WithLogs(TestApp.Create(), logs).StartAsync();

        Assert.That(logs.GetSnapshot().Any(l => l.Message.Contains("Weak API key", StringComparison.Ordinal)), Is.False);
        var user = await app.NewUserAsync();
        var status = await (await app.ApiClient(user).GetAsync("/status")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(status.GetProperty("checks").GetProperty("api_keys").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }
}
