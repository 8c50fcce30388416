using System.Security.Cryptography;
using System.Text;

namespace LeadOps.Infrastructure.Graph;

/// <summary>Graph's appsecret_proof: lower-case hex HMAC-SHA256 of <c>token|unix_time</c>, keyed with the app secret.</summary>
internal static class AppSecretProof
{
    public static string Compute(string accessToken, string appSecret, long unixTime)
    {
        var key = Encoding.UTF8.GetBytes(appSecret);
        var data = Encoding.UTF8.GetBytes($"{accessToken}|{unixTime.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }
}
