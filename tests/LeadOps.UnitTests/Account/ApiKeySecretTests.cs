using LeadOps.Application.Account;

namespace LeadOps.UnitTests.Account;

public sealed class ApiKeySecretTests
{
    [Test]
    public void Generated_key_matches_its_own_hash_and_prefix()
    {
        var (key, prefix, hash) = ApiKeySecret.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(ApiKeySecret.PrefixOf(key), Is.EqualTo(prefix));
            Assert.That(ApiKeySecret.Matches(key, hash), Is.True);
            Assert.That(hash, Has.Length.EqualTo(32));
        });
    }

    [Test]
    public void A_changed_key_does_not_match()
    {
        var (key, _, hash) = ApiKeySecret.Generate();
        var tampered = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');
        Assert.That(ApiKeySecret.Matches(tampered, hash), Is.False);
    }

    [TestCase("")]
    [TestCase("Bearer x")]
    [TestCase("lo_short")]
    [TestCase("lo_123_secretsecretsecret")]
    [TestCase("xx_12345678_secretsecretsecretsecret")]
    public void Keys_not_shaped_like_ours_have_no_prefix(string presented) =>
        Assert.That(ApiKeySecret.PrefixOf(presented), Is.Null);

    [Test]
    public void Two_keys_are_different()
    {
        var a = ApiKeySecret.Generate();
        var b = ApiKeySecret.Generate();
        Assert.That(a.Key, Is.Not.EqualTo(b.Key));
    }
}
