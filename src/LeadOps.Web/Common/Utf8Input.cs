using System.Text.Unicode;

namespace LeadOps.Web.Common;

/// <summary>Whether URL-encoded text (a query string, a form body) decodes to valid UTF-8: ASP.NET Core would put U+FFFD in its place.</summary>
internal static class Utf8Input
{
    public static bool IsValidUrlEncoded(ReadOnlySpan<byte> encoded)
    {
        var decoded = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                decoded[length++] = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }
            else
            {
                decoded[length++] = b == (byte)'+' ? (byte)' ' : b;
            }
        }

        return Utf8.IsValid(decoded.AsSpan(0, length));
    }

    public static bool IsValidUrlEncoded(string? encoded) =>
        string.IsNullOrEmpty(encoded) || IsValidUrlEncoded(System.Text.Encoding.UTF8.GetBytes(encoded));

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
