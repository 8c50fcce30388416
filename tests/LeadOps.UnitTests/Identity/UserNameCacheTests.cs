using LeadOps.Infrastructure.Identity;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.UnitTests.Identity;

/// <summary>The per-process staff names: a name read before a change was forgotten is never kept; entries age out.</summary>
public sealed class UserNameCacheTests
{
    private readonly FakeTimeProvider _clock = new();

    [Test]
    public void A_name_read_before_the_user_changed_is_not_kept()
    {
        var cache = new UserNameCache(_clock);
        var readAt = cache.Version;

        cache.Forget("user-1");
        cache.Set("user-1", "old@example.com", readAt);

        Assert.That(cache.TryGet("user-1", out _), Is.False);
    }

    [Test]
    public void A_name_read_after_the_change_is_kept_until_its_lifetime_ends()
    {
        var cache = new UserNameCache(_clock);
        cache.Forget("user-1");

        cache.Set("user-1", "Ana Costa", cache.Version);
        var kept = cache.TryGet("user-1", out var name);
        _clock.Advance(UserNameCache.Lifetime);

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.True);
            Assert.That(name, Is.EqualTo("Ana Costa"));
            Assert.That(cache.TryGet("user-1", out _), Is.False, "read again after its lifetime");
        });
    }

    [Test]
    public void Forgetting_a_user_drops_the_name_kept_for_them()
    {
        var cache = new UserNameCache(_clock);
        cache.Set("user-1", "Ana Costa", cache.Version);

        cache.Forget("user-1");

        Assert.That(cache.TryGet("user-1", out _), Is.False);
    }
}
