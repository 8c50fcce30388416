using LeadOps.Infrastructure.Security;

namespace LeadOps.UnitTests.Security;

/// <summary>Where the key-encryption key is read from, and when it counts as beside the database (ADR 0013).</summary>
public sealed class KeyEncryptionKeyTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "leadops-kek-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_key_from_configuration_has_no_file()
    {
        var kek = KeyEncryptionKey.Load(Convert.ToBase64String(new byte[32]), null, _root, Path.Combine(_root, "data"));
        Assert.That(kek.Location, Is.Null);
        Assert.That(kek.BesideDatabase, Is.False);
    }

    [Test]
    public void A_configured_file_in_the_databases_folder_or_under_app_data_is_beside_the_database()
    {
        var data = Path.Combine(_root, "data");
        Assert.That(KeyEncryptionKey.Load(null, Path.Combine(data, "k.kek"), _root, data).BesideDatabase, Is.True);
        Assert.That(KeyEncryptionKey.Load(null, "App_Data/keys/k.kek", _root, data).BesideDatabase, Is.True, "relative to the content root");
        var elsewhere = KeyEncryptionKey.Load(null, Path.Combine(_root, "secrets", "k.kek"), _root, data);
        Assert.That(elsewhere.BesideDatabase, Is.False);
        Assert.That(File.Exists(elsewhere.Location), Is.True, "created on first start");
    }

    [Test]
    public void The_same_file_gives_the_same_key_on_the_next_start()
    {
        var file = Path.Combine(_root, "secrets", "k.kek");
        var first = KeyEncryptionKey.Load(null, file, _root, null).Key;
        var next = KeyEncryptionKey.Load(null, file, _root, null).Key;
        Assert.That(next, Is.EqualTo(first));
    }

    [Test]
    public void An_earlier_installation_keeps_its_app_data_key_so_its_tokens_still_decrypt_and_is_told_it_sits_beside_the_database()
    {
        var appData = Path.Combine(_root, "App_Data");
        Directory.CreateDirectory(appData);
        var earlier = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        File.WriteAllText(Path.Combine(appData, "keyring.kek"), earlier);

        var kek = KeyEncryptionKey.Load(null, null, _root, appData);
        Assert.That(kek.Location, Is.EqualTo(Path.Combine(appData, "keyring.kek")));
        Assert.That(Convert.ToBase64String(kek.Key), Is.EqualTo(earlier));
        Assert.That(kek.BesideDatabase, Is.True);
    }

    [Test]
    public void By_default_the_file_is_in_the_per_user_folder_not_the_data_folder()
    {
        Assert.That(KeyEncryptionKey.DefaultFile(), Does.EndWith(Path.Combine("LeadOps", "keyring.kek")));
        Assert.That(KeyEncryptionKey.DefaultFile(), Does.Not.StartWith(_root));
    }
}
