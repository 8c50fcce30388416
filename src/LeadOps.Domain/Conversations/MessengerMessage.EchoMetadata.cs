using System.Globalization;

namespace LeadOps.Domain.Conversations;

/// <summary>
/// How a staff reply knows its own echo. LeadOps sends each reply with the Send API's <c>message.metadata</c>, which Meta
/// gives back on the echo (<c>message_echoes</c>): the echo then names the reply it shows sent. Two users who connected the
/// same page each keep the customer's thread; the echo of one user's reply names a reply the other does not have, so it
/// shows in the other's thread as a colleague's reply and never claims a reply of theirs with the same words.
/// </summary>
public sealed partial class MessengerMessage
{
    private const string EchoMetadataPrefix = "leadops:reply:";

    /// <summary>Who wrote a reply LeadOps sent for another user of the same page (their name is theirs to see).</summary>
    public const string ColleagueSenderName = "Another LeadOps user of this page";

    /// <summary>What the Send API carries as the message's <c>metadata</c> for this reply (stored, so it has its id).</summary>
    public string EchoMetadata => EchoMetadataPrefix + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The reply an echo's <c>metadata</c> names, when it is one of LeadOps' (anything else names none).</summary>
    public static long? ReplyNamedBy(string? metadata) =>
        metadata is not null && metadata.StartsWith(EchoMetadataPrefix, StringComparison.Ordinal) &&
        long.TryParse(metadata.AsSpan(EchoMetadataPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
