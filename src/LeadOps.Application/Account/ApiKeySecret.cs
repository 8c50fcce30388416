using System.Security.Cryptography;
using System.Text;

namespace LeadOps.Application.Account;

/// <summary>
/// Personal API keys look like <c>lo_&lt;8 hex prefix&gt;_&lt;43 char secret&gt;</c>. The prefix finds the row;
/// only the SHA-256 of the whole key is stored (keys are 256-bit random, so a fast hash is enough).
/// </summary>
public static class ApiKeySecret
{
    private const string Scheme = "lo_";

    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Scheme + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The lookup prefix of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? PrefixOf(string key)
    {
        if (!key.StartsWith(Scheme, StringComparison.Ordinal) || key.Length < Scheme.Length + 10 || key.Length > 200)
        {
            return null;
        }

        var end = key.IndexOf('_', Scheme.Length);
        return end == Scheme.Length + 8 ? key[..end] : null;
    }

    public static bool Matches(string presentedKey, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presentedKey), storedHash);
}
