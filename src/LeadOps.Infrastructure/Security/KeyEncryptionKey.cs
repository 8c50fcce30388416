using System.Security.Cryptography;

namespace LeadOps.Infrastructure.Security;

/// <summary>
/// The key-encryption key that protects the Data Protection key ring stored in the database, so that the database
/// alone never reveals a token. It comes from <c>DataProtection:KeyEncryptionKey</c> (base64, 32 bytes; set the same
/// value on every node), else from the file <c>DataProtection:KeyEncryptionKeyFile</c> (created on first start).
/// </summary>
public sealed class KeyEncryptionKey(byte[] key)
{
    public byte[] Key { get; } = key.Length == 32 ? key : throw new InvalidOperationException("DataProtection:KeyEncryptionKey must be 32 bytes (base64).");

    public static KeyEncryptionKey Load(string? base64, string file)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            return new KeyEncryptionKey(Convert.FromBase64String(base64));
        }

        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new KeyEncryptionKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }
}
