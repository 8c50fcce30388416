using System.Reflection;
using System.Runtime.CompilerServices;

namespace LeadOps.ArchitectureTests;

/// <summary>
/// A class that needs more than eight things to do its work does too much: split it. Records are data, not
/// dependencies (their positional parameters are their properties), so they are not counted.
/// </summary>
public sealed class ConstructorTests
{
    private const int MaxParameters = 8;

    /// <summary>Every project under src/.</summary>
    internal static readonly Assembly[] Source =
        [.. new[] { "LeadOps.Domain", "LeadOps.Application", "LeadOps.Infrastructure", "LeadOps.Web", "LeadOps.GraphSandbox" }.Select(n => Assembly.Load(new AssemblyName(n)))];

    [Test]
    public void No_class_takes_more_than_eight_constructor_parameters()
    {
        var offenders = Classes()
            .SelectMany(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(c => (Type: t, Count: c.GetParameters().Length)))
            .Where(c => c.Count > MaxParameters)
            .Select(c => $"{c.Type.FullName} ({c.Count})")
            .Distinct();
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_rule_sees_primary_constructors_of_classes_and_not_records()
    {
        Assert.That(IsRecord(typeof(Application.Conversations.ReplyOutcome)), Is.True);
        Assert.That(IsRecord(typeof(Application.Conversations.Commands.SendAdminMessage)), Is.True);
        Assert.That(Classes().Select(t => t.Name), Does.Contain("ReplySender").And.Contain("DomainEventsInterceptor"));
    }

    /// <summary>Classes written in src/ (records and compiler-generated types aside).</summary>
    private static IEnumerable<Type> Classes() =>
        Source.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true } && !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t => !IsRecord(t));

    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(System.Text.StringBuilder)]) is not null;
}
