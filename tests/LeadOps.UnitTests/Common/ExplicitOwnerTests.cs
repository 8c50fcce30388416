using LeadOps.Application;
using LeadOps.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.UnitTests.Common;

public sealed class ExplicitOwnerTests
{
    [Test]
    public async Task The_owner_scope_factory_sets_the_scope_owner_and_it_cannot_be_set_again()
    {
        await using var services = new ServiceCollection().AddApplication().BuildServiceProvider();
        await using var scope = services.GetRequiredService<IOwnerScopeFactory>().CreateScope("owner-1");
        var owner = scope.ServiceProvider.GetRequiredService<ExplicitOwner>();

        Assert.That(owner.OwnerId, Is.EqualTo("owner-1"));
        Assert.Throws<InvalidOperationException>(() => owner.Assign("owner-2"));
        Assert.That(owner.OwnerId, Is.EqualTo("owner-1"));
    }

    [Test]
    public void Only_the_factory_can_set_the_owner() =>
        Assert.That(typeof(ExplicitOwner).GetProperty(nameof(ExplicitOwner.OwnerId))!.SetMethod!.IsPublic, Is.False);
}
