using System.Reflection;
using System.Runtime.CompilerServices;

namespace LeadOps.ArchitectureTests;

/// <summary>
/// A record prints every property in its compiler-written <c>ToString()</c>, so a record that carries a token, a secret
/// or a password would print it the day a log line or an exception message formats it. Each such record writes its own
/// <c>ToString()</c> that leaves the value out. The Graph sandbox is left out: its tokens are its own made-up ones.
/// </summary>
public sealed class SecretPrintingTests
{
    private static readonly string[] SecretSuffixes = ["Token", "Secret", "Password", "ApiKey"];

    [Test]
    public void No_record_that_carries_a_secret_prints_it()
    {
        var offenders = Records().Where(CarriesSecret).Where(PrintsEverything).Select(t => t.FullName);
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_rule_sees_a_record_that_prints_its_token()
    {
        Assert.That(CarriesSecret(typeof(PrintsItsToken)) && PrintsEverything(typeof(PrintsItsToken)), Is.True);
        Assert.That(PrintsEverything(typeof(Application.Common.Graph.GraphCredentials)), Is.False, "GraphCredentials writes its own ToString");
        Assert.That(Records(), Does.Contain(typeof(Application.Integrations.Commands.ConnectIntegration)));
        Assert.That(CarriesSecret(typeof(Application.Account.Commands.CreatedApiKey)), Is.True, "a new API key's record carries the key");
    }

    private static IEnumerable<Type> Records() =>
        ConstructorTests.Source.Where(a => a.GetName().Name != "LeadOps.GraphSandbox").SelectMany(a => a.GetTypes())
            .Where(t => t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(System.Text.StringBuilder)]) is not null);

    /// <summary>
    /// A string (or bytes) property named like a secret: <c>PageAccessToken</c>, <c>AppSecret</c>, <c>Password</c>, or the
    /// <c>Key</c> of a record about an API key (a stage's or an answer's <c>Key</c> is a name, not a secret).
    /// </summary>
    private static bool CarriesSecret(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(p => (p.PropertyType == typeof(string) || p.PropertyType == typeof(byte[])) &&
                (SecretSuffixes.Any(s => p.Name.EndsWith(s, StringComparison.Ordinal)) || (p.Name == "Key" && type.Name.Contains("ApiKey", StringComparison.Ordinal))));

    /// <summary>The record's <c>ToString()</c> is the one the compiler writes, which prints every property.</summary>
    private static bool PrintsEverything(Type type) =>
        type.GetMethod(nameof(ToString), BindingFlags.Instance | BindingFlags.Public, Type.EmptyTypes) is { } toString &&
        toString.DeclaringType == type && toString.IsDefined(typeof(CompilerGeneratedAttribute), false);

    private sealed record PrintsItsToken(string PageAccessToken);
}
