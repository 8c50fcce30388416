using System.Security.Cryptography;
using System.Text;

namespace LeadOps.Application.Common.Security;

public static class Secrets
{
    /// <summary>Compares two secrets in constant time whatever their lengths (hashing first hides the length).</summary>
    public static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
