using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadOps.UnitTests.Graph;

public sealed class FacebookOptionsTests
{
    [Test]
    public void Defaults_point_at_graph_v25()
    {
        var options = Resolve([]);

        Assert.Multiple(() =>
        {
            Assert.That(options.VersionedBaseAddress, Is.EqualTo(new Uri("https://graph.facebook.com/v25.0/")));
            Assert.That(options.Resilience.MaxAttempts, Is.EqualTo(3));
            Assert.That(options.Resilience.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.Resilience.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.Resilience.UsageThresholdPercent, Is.EqualTo(80));
        });
    }

    [Test]
    public void Section_values_are_bound()
    {
        var options = Resolve(new()
        {
            ["Facebook:GraphBaseUrl"] = "http://127.0.0.1:5100/",
            ["Facebook:GraphVersion"] = "v24.0",
            ["Facebook:AppId"] = "app",
            ["Facebook:AppSecret"] = "section-secret",
            ["Facebook:Resilience:MaxAttempts"] = "5",
            ["Facebook:Resilience:MaxRetryAfter"] = "00:02:00",
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.VersionedBaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:5100/v24.0/")));
            Assert.That(options.AppSecret, Is.EqualTo("section-secret"));
            Assert.That(options.Resilience.MaxAttempts, Is.EqualTo(5));
            Assert.That(options.Resilience.MaxRetryAfter, Is.EqualTo(TimeSpan.FromMinutes(2)));
        });
    }

    [TestCase("Facebook:GraphBaseUrl", "not a url")]
    [TestCase("Facebook:GraphBaseUrl", "ftp://graph.facebook.com")]
    [TestCase("Facebook:GraphVersion", "25")]
    [TestCase("Facebook:Resilience:MaxAttempts", "0")]
    [TestCase("Facebook:Resilience:AttemptTimeout", "00:00:00")]
    [TestCase("Facebook:Resilience:UsageThresholdPercent", "100")]
    [TestCase("Facebook:Resilience:CircuitBreakerMinimumThroughput", "1")]
    [TestCase("Facebook:RefusedLeadFieldsMemory", "-00:01:00")]
    [TestCase("Facebook:RefusedLeadFieldsMemory", "8.00:00:00")]
    public void Invalid_values_fail_validation_at_start(string key, string value)
    {
        using var provider = Provider(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Message, Does.Contain(key.Split(':').Last()));
    }

    [Test]
    public void Adding_the_graph_client_twice_registers_it_once()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddGraphClient(configuration);
        var count = services.Count;

        services.AddGraphClient(configuration);

        Assert.That(services, Has.Count.EqualTo(count));
    }

    [Test]
    public void Every_port_resolves()
    {
        using var provider = Provider([]);

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetService<LeadOps.Application.Leads.ILeadSource>(), Is.Not.Null);
            Assert.That(provider.GetService<LeadOps.Application.Integrations.IFacebookPageGateway>(), Is.Not.Null);
            Assert.That(provider.GetService<LeadOps.Application.Conversations.IMessengerGateway>(), Is.Not.Null);
            Assert.That(provider.GetService<GraphUsageTracker>(), Is.Not.Null);
        });
    }

    private static FacebookOptions Resolve(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<FacebookOptions>>().Value;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddGraphClient(configuration).BuildServiceProvider();
    }
}
