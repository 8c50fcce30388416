using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Web.Common;
using Serilog.Events;
using Serilog.Parsing;

namespace LeadOps.IntegrationTests.Platform;

public sealed class LoggingAndConfigurationTests
{
    [Test]
    public void Secrets_emails_and_phone_numbers_are_masked_wherever_they_would_be_logged()
    {
        var template = new MessageTemplateParser().Parse("{PageAccessToken} {Note} {Lead}");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template,
        [
            new LogEventProperty("PageAccessToken", new ScalarValue("EAAGsecretsecretsecret")),
            new LogEventProperty("Note", new ScalarValue("wrote from ana.lima@example.com, call +351 912 345 678, key lo_0123abcd_abcdefghijklmnopqrstuvwxyz012345")),
            new LogEventProperty("Lead", new StructureValue([new LogEventProperty("Email", new ScalarValue("x@y.io")), new LogEventProperty("Id", new ScalarValue("100000000000001"))])),
        ]);

        new SensitiveDataMasking().Enrich(logEvent, null!);
        var rendered = logEvent.RenderMessage();

        Assert.That(rendered, Does.Not.Contain("EAAGsecret").And.Not.Contain("ana.lima@").And.Not.Contain("912 345 678").And.Not.Contain("abcdefghijklmnop").And.Not.Contain("x@y.io"));
        Assert.That(rendered, Does.Contain("a***@example.com"), "the domain stays, to help support");
        Assert.That(rendered, Does.Contain("100000000000001"), "ids are not phone numbers");
    }

    [Test]
    public async Task The_briefs_environment_names_configure_the_admin_key()
    {
        const string key = "brief-admin-key-0123456789";
        Environment.SetEnvironmentVariable("ADMIN_API_KEY", key);
        try
        {
            await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSetting("Admin:ApiKey", string.Empty).StartAsync();
            using var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            client.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);

            var response = await client.GetAsync("/api/api-keys");

            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("api_keys", out _), Is.True);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ADMIN_API_KEY", null);
        }
    }
}
