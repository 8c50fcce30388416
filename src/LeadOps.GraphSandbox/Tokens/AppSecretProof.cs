using System.Security.Cryptography;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Checks <c>appsecret_proof</c>: legacy <c>HMAC(token)</c>, or <c>HMAC(token|appsecret_time)</c> with an
/// <c>appsecret_time</c> within five minutes. A present proof is always checked; a missing one only fails with
/// <see cref="SandboxOptions.RequireAppSecretProof"/>.
/// </summary>
internal static class AppSecretProof
{
    private static readonly TimeSpan TimeTolerance = TimeSpan.FromMinutes(5);

    public static GraphError? Check(GraphCall call)
    {
        var proof = call.Param("appsecret_proof");
        var time = call.Param("appsecret_time");
        var options = call.State.Options;
        if (proof is null)
        {
            return options.RequireAppSecretProof ? GraphErrors.AppSecretProofRequired() : null;
        }

        var data = time is null ? call.Token : call.Token + "|" + time;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.AppSecret), Encoding.UTF8.GetBytes(data));
        byte[] given;
        try
        {
            given = Convert.FromHexString(proof);
        }
        catch (FormatException)
        {
            return GraphErrors.InvalidAppSecretProof();
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return GraphErrors.InvalidAppSecretProof();
        }

        if (time is null)
        {
            return null;
        }

        if (!long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || (call.State.Now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > TimeTolerance)
        {
            return GraphErrors.InvalidAppSecretTime();
        }

        return null;
    }
}
