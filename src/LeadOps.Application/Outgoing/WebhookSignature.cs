using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadOps.Application.Outgoing;

/// <summary>
/// The <c>X-LeadOps-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC keyed with the
/// endpoint's secret over <c>"&lt;t&gt;." + body</c>. Receivers recompute it and compare in constant time, and refuse
/// old timestamps (replays).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-LeadOps-Signature";

    public static string Header(string secret, DateTimeOffset at, byte[] body)
    {
        var t = at.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}");
    }

    /// <summary>Whether the header signs this body with this secret, at a time within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? header, byte[] body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? t = null;
        byte[]? v1 = null;
        foreach (var part in (header ?? string.Empty).Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair is ["t", var ts] && long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                t = parsed;
            }
            else if (pair is ["v1", var hex] && hex.Length == 64 && hex.All(Uri.IsHexDigit))
            {
                v1 = Convert.FromHexString(hex);
            }
        }

        return t is { } time && v1 is not null
            && Math.Abs(now.ToUnixTimeSeconds() - time) <= tolerance.TotalSeconds
            && CryptographicOperations.FixedTimeEquals(Mac(secret, time, body), v1);
    }

    /// <summary>A new secret: 32 random bytes, base64url, with a prefix that says what it is.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Mac(string secret, long t, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(t.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
