using System.Security.Cryptography;

namespace LeadOps.Infrastructure.Security;

/// <summary>
/// The key-encryption key that protects the Data Protection key ring stored in the database, so that the database
/// alone never reveals a token. It comes from <c>DataProtection:KeyEncryptionKey</c> (base64, 32 bytes; set the same
/// value on every node), else from the file <c>DataProtection:KeyEncryptionKeyFile</c> (created on first start), whose
/// default is outside the data folder: <see cref="DefaultFile"/>. A key file beside the database is allowed (a copy of
/// that folder then decrypts every token), and reported at start and on <c>/status</c>.
/// </summary>
public sealed class KeyEncryptionKey(byte[] key, string? location = null, bool besideDatabase = false)
{
    public const string BesideDatabaseWarning =
        "The Data Protection key-encryption key sits beside the database: a copy of the data folder would decrypt every page token. " +
        "Set DataProtection:KeyEncryptionKey, or keep the key file outside the data folder (DataProtection:KeyEncryptionKeyFile).";

    public byte[] Key { get; } = key.Length == 32 ? key : throw new InvalidOperationException("DataProtection:KeyEncryptionKey must be 32 bytes (base64).");

    /// <summary>The key file, or null when the key came from configuration.</summary>
    public string? Location { get; } = location;

    /// <summary>Whether the key file sits in a data folder (the SQLite database's folder, or App_Data).</summary>
    public bool BesideDatabase { get; } = besideDatabase;

    /// <summary>The per-user application-data folder: <c>~/.config/LeadOps/keyring.kek</c> on Linux, <c>%APPDATA%\LeadOps\keyring.kek</c> on Windows.</summary>
    public static string? DefaultFile()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, "LeadOps", "keyring.kek");
    }

    /// <summary>
    /// From configuration, else from the configured file, else from the file an earlier LeadOps kept in App_Data beside its
    /// database (so its tokens still decrypt), else from <see cref="DefaultFile"/> (App_Data when there is no such folder).
    /// </summary>
    public static KeyEncryptionKey Load(string? base64, string? configuredFile, string contentRootPath, string? databaseFolder)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            return new KeyEncryptionKey(Convert.FromBase64String(base64));
        }

        var appData = Path.GetFullPath("App_Data", contentRootPath);
        var earlier = Path.Combine(appData, "keyring.kek");
        string[] dataFolders = databaseFolder is null ? [appData] : [appData, databaseFolder];
        if (configuredFile is { Length: > 0 })
        {
            var configured = Path.GetFullPath(configuredFile, contentRootPath);
            return new KeyEncryptionKey(ReadOrCreate(configured), configured, dataFolders.Any(folder => IsInside(configured, folder)));
        }

        var file = SameFolder(databaseFolder, appData) && File.Exists(earlier) ? earlier : DefaultFile() ?? earlier;
        try
        {
            return new KeyEncryptionKey(ReadOrCreate(file), file, dataFolders.Any(folder => IsInside(file, folder)));
        }
        catch (Exception ex) when (file != earlier && ex is IOException or UnauthorizedAccessException)
        {
            // No writable per-user folder (a container without a home): LeadOps still starts, and says where the key is.
            return new KeyEncryptionKey(ReadOrCreate(earlier), earlier, besideDatabase: true);
        }
    }

    private static byte[] ReadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(created);
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process (a second node or test app on this machine) created it first: use theirs.
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }

    private static bool SameFolder(string? a, string b) =>
        a is not null && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static bool IsInside(string file, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
