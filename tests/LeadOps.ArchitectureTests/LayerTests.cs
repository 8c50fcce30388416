using NetArchTest.Rules;

namespace LeadOps.ArchitectureTests;

/// <summary>Dependencies point inward only: Web → Infrastructure → Application → Domain.</summary>
public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(LeadOps.Domain.Common.IOwnedByUser).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(LeadOps.Application.ApplicationAssembly).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(LeadOps.Infrastructure.DependencyInjection).Assembly;

    [Test]
    public void Domain_depends_on_nothing_of_ours_nor_on_frameworks()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("LeadOps.Application", "LeadOps.Infrastructure", "LeadOps.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Application_does_not_depend_on_infrastructure_web_or_ef()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("LeadOps.Infrastructure", "LeadOps.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Refit", "System.Net.Http")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Infrastructure_does_not_depend_on_web()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("LeadOps.Web").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Handlers_are_internal_and_sealed()
    {
        var handlers = Types.InAssemblies([Application, Infrastructure])
            .That().HaveNameEndingWith("Handler").And().AreClasses()
            .And().DoNotHaveNameEndingWith("AuthenticationHandler").And().DoNotHaveNameEndingWith("DelegatingHandler");
        var result = handlers.Should().NotBePublic().And().BeSealed().GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Module_folders_exist_in_every_layer()
    {
        foreach (var (assembly, name) in new[] { (Domain, "LeadOps.Domain"), (Application, "LeadOps.Application"), (Infrastructure, "LeadOps.Infrastructure") })
        {
            var namespaces = assembly.GetTypes().Select(t => t.Namespace ?? string.Empty).Distinct().ToList();
            foreach (var module in new[] { "Leads", "Conversations", "Integrations" })
            {
                Assert.That(namespaces.Any(n => n.StartsWith($"{name}.{module}", StringComparison.Ordinal)), Is.True, $"{name}.{module}");
            }
        }
    }
}
