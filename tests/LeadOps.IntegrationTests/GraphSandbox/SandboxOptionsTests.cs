using LeadOps.GraphSandbox;
using Microsoft.Extensions.Configuration;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class SandboxOptionsTests
{
    [Test]
    public void Options_bind_from_the_sandbox_configuration_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sandbox:Seed"] = "7",
                ["Sandbox:RequireAppSecretProof"] = "true",
                ["Sandbox:WebhookCallbackUrl"] = "http://127.0.0.1:5080/webhooks/meta",
                ["Sandbox:WebhookDropRate"] = "0.25",
                ["Sandbox:WebhookDelay"] = "00:00:02",
                ["Sandbox:LeadsLimitCap"] = "10",
                ["Sandbox:Enabled"] = "true",
            })
            .Build();

        var options = SandboxOptions.FromConfiguration(configuration);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Seed, Is.EqualTo(7));
            Assert.That(options.RequireAppSecretProof, Is.True);
            Assert.That(options.WebhookCallbackUrl, Is.EqualTo("http://127.0.0.1:5080/webhooks/meta"));
            Assert.That(options.WebhookDropRate, Is.EqualTo(0.25));
            Assert.That(options.WebhookDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.LeadsLimitCap, Is.EqualTo(10));
            Assert.That(options.DefaultLimit, Is.EqualTo(25));
            Assert.That(options.InitialLeadsPerForm, Is.EqualTo(30));
            Assert.That(options.AppId, Is.EqualTo("sandbox-app-id"));
            Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
        }
    }

    [Test]
    public void Invalid_options_are_refused_at_start()
    {
        Assert.That(async () => await GraphSandboxServer.StartAsync(new SandboxOptions { WebhookDropRate = 1.5 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(async () => await GraphSandboxServer.StartAsync(new SandboxOptions { WebhookCallbackUrl = "not a url" }),
            Throws.ArgumentException);
    }

    [Test]
    public async Task A_smaller_cap_is_honoured_whatever_limit_is_asked()
    {
        await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions { LeadsLimitCap = 10 });
        using var client = new SandboxClient(server.BaseAddress);

        var page = await client.GetAsync($"{SandboxSeed.MainTestRideFormId}/leads?limit=500");

        Assert.That(page.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(10));
    }
}
