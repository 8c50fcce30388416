using LeadOps.Application.Outgoing;
using LeadOps.Infrastructure.Outgoing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadOps.UnitTests.Outgoing;

/// <summary>The fan-out settings of <c>OutgoingWebhooks</c> are checked when the app starts, with a message naming the bad one.</summary>
public sealed class OutgoingWebhookOptionsTests
{
    [Test]
    public void The_defaults_and_the_limits_pass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validated([]), Is.EqualTo((5, TimeSpan.FromMinutes(1))));
            Assert.That(Validated(new() { ["OutgoingWebhooks:MaxFanOutAttempts"] = "1", ["OutgoingWebhooks:FirstFanOutRetryDelay"] = "00:00:00.001" }),
                Is.EqualTo((1, TimeSpan.FromMilliseconds(1))));
            Assert.That(Validated(new() { ["OutgoingWebhooks:MaxFanOutAttempts"] = "20", ["OutgoingWebhooks:FirstFanOutRetryDelay"] = "1.00:00:00" }),
                Is.EqualTo((20, TimeSpan.FromDays(1))));
        });
    }

    [TestCase("MaxFanOutAttempts", "0")]
    [TestCase("MaxFanOutAttempts", "-3")]
    [TestCase("MaxFanOutAttempts", "21")]
    [TestCase("FirstFanOutRetryDelay", "00:00:00")]
    [TestCase("FirstFanOutRetryDelay", "-00:01:00")]
    [TestCase("FirstFanOutRetryDelay", "1.00:00:01")]
    public void A_bad_fan_out_setting_stops_the_start_with_a_message_naming_it(string key, string value)
    {
        using var provider = Provider(new() { ["OutgoingWebhooks:" + key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Message, Does.Contain($"OutgoingWebhooks:{key} must be").And.Contain("(it is "));
        Assert.That(ex.Failures.Count(), Is.EqualTo(1), "only the bad setting is named");
    }

    private static (int MaxFanOutAttempts, TimeSpan FirstFanOutRetryDelay) Validated(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<OutgoingWebhookOptions>>().Value;
        return (options.MaxFanOutAttempts, options.FirstFanOutRetryDelay);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddOutgoing(configuration).BuildServiceProvider();
    }
}
