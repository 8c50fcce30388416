using LeadOps.Web.Common;
using Microsoft.Extensions.Configuration;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>The brief's flat environment names (FACEBOOK_APP_SECRET, ...) fill the configuration keys the app reads.</summary>
public sealed class BriefEnvironmentNamesTests
{
    [Test]
    public void Flat_environment_names_fill_empty_section_values()
    {
        var configuration = Configure(new()
        {
            ["Facebook:AppSecret"] = "",
            ["FACEBOOK_APP_SECRET"] = "flat-secret",
            ["FACEBOOK_VERIFY_TOKEN"] = "flat-verify",
            ["FACEBOOK_APP_ID"] = " 100000000000001 ",
        });

        Assert.Multiple(() =>
        {
            Assert.That(configuration["Facebook:AppSecret"], Is.EqualTo("flat-secret"));
            Assert.That(configuration["Facebook:VerifyToken"], Is.EqualTo("flat-verify"));
            Assert.That(configuration["Facebook:AppId"], Is.EqualTo("100000000000001"));
        });
    }

    [Test]
    public void Section_values_win_over_flat_environment_names()
    {
        var configuration = Configure(new()
        {
            ["Facebook:VerifyToken"] = "section-verify",
            ["FACEBOOK_VERIFY_TOKEN"] = "flat-verify",
        });

        Assert.That(configuration["Facebook:VerifyToken"], Is.EqualTo("section-verify"));
    }

    private static ConfigurationManager Configure(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values);
        configuration.AddBriefEnvironmentNames();
        return configuration;
    }
}
