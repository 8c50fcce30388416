namespace LeadOps.Application.Conversations;

/// <summary>
/// A page's Messenger side for the integration page: Meta's policy enforcement (with Meta's reason), whether Meta gives
/// customers' profiles (and why not), and the postback payload that escalates.
/// </summary>
public sealed record MessagingStatus(
    int IntegrationId,
    MessagingPolicy Policy,
    string? PolicyReason,
    DateTimeOffset? PolicyAt,
    bool ProfilesRefused,
    string? ProfileRefusal,
    DateTimeOffset? ProfileRefusedAt,
    string EscalationPayload)
{
    public static MessagingStatus From(Integration i) => new(
        i.Id, i.MessagingPolicy, i.MessagingPolicyReason, i.MessagingPolicyAt, i.ProfileAccessRefusedAt is not null, i.ProfileAccessRefusal,
        i.ProfileAccessRefusedAt, i.EscalationPayload);
}
