using System.Text.RegularExpressions;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// What an OAuth refusal says when its body does not: Graph answers a bad token with
/// <c>WWW-Authenticate: OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token."</c> beside the JSON error
/// (recorded in daroczig/fbRads issue #74; <c>"invalid_request"</c> and <c>"not_found" "(#803) …"</c> in pablobarbera/Rfacebook
/// issue #123). When the body is lost on the way (empty, or a proxy's HTML page) or names no code (older Graph wrote
/// <c>{"error":{"type":"OAuthException","message":"Error validating access token: …"}}</c>), the header's words and the
/// <c>(#code)</c> Graph puts before a message still say what was refused: an <c>invalid_token</c> is error 190.
/// </summary>
internal static partial class GraphAuthenticateHeader
{
    private const int TokenInvalidCode = 190;

    /// <summary>The error with its code (and its words, when it had none) taken from the header and the message; as it was otherwise.</summary>
    public static GraphErrorDto? Complete(GraphErrorDto? error, HttpResponseMessage response)
    {
        if (error?.Code is not null)
        {
            return error;
        }

        var header = Read(response);
        var message = error?.Message ?? header?.Message;
        var code = CodeIn(message) ?? (header?.Error == "invalid_token" || SpeaksOfAToken(error) ? TokenInvalidCode : null);
        if (code is null && message == error?.Message)
        {
            return error;
        }

        return (error ?? new GraphErrorDto { Type = "OAuthException" }) with { Message = message, Code = code };
    }

    /// <summary>The header's error and words, or null when Graph sent none.</summary>
    private static (string Error, string? Message)? Read(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("WWW-Authenticate", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (OAuthChallenge().Match(value) is { Success: true } match)
            {
                var words = match.Groups["message"].Value.Trim();
                return (match.Groups["error"].Value, words.Length > 0 ? words : null);
            }
        }

        return null;
    }

    /// <summary>Graph's <c>(#190)</c>, <c>(#803)</c> … at the start of a message.</summary>
    private static int? CodeIn(string? message) =>
        message is not null && CodePrefix().Match(message) is { Success: true } match &&
        int.TryParse(match.Groups["code"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    /// <summary>An OAuthException with no code whose words are about the access token (older Graph's "Error validating access token: …").</summary>
    private static bool SpeaksOfAToken(GraphErrorDto? error) =>
        error is { Type: "OAuthException", Message: { } message } && message.Contains("access token", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*OAuth\s+""[^""]*""\s+""(?<error>[a-z_]+)""(?:\s+""(?<message>.*)"")?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OAuthChallenge();

    [GeneratedRegex(@"^\s*\(#(?<code>\d{1,6})\)", RegexOptions.CultureInvariant)]
    private static partial Regex CodePrefix();
}
