namespace LeadOps.Domain.Integrations;

/// <summary>
/// The page's Messenger side: Meta's policy enforcement (warned or blocked, with Meta's reason), whether Meta lets
/// LeadOps read customers' profiles, and the postback payload that asks for a person.
/// </summary>
public sealed partial class Integration
{
    public const int EscalationPayloadLength = 1000;
    public const string DefaultEscalationPayload = "HUMAN_AGENT";

    /// <summary>After a refusal, profiles are not asked for again before this long (the feature is granted by App Review, not by the minute).</summary>
    public static readonly TimeSpan ProfileRetryAfterRefusal = TimeSpan.FromDays(1);

    public MessagingPolicy MessagingPolicy { get; private set; }

    /// <summary>Meta's reason for the warning or the block.</summary>
    public string? MessagingPolicyReason { get; private set; }

    public DateTimeOffset? MessagingPolicyAt { get; private set; }

    /// <summary>A postback with this payload escalates the conversation to a person at once.</summary>
    public string EscalationPayload { get; private set; } = DefaultEscalationPayload;

    /// <summary>When Meta last refused to give a customer's profile (the app lacks the feature), and why.</summary>
    public DateTimeOffset? ProfileAccessRefusedAt { get; private set; }

    public string? ProfileAccessRefusal { get; private set; }

    public bool MessagingBlocked => MessagingPolicy == MessagingPolicy.Blocked;

    /// <summary>
    /// Meta's <c>messaging_policy_enforcement</c>: <c>block</c>, <c>warning</c> or <c>unblock</c>. An event older than
    /// the one applied changes nothing; an unknown action is kept as a warning with its name.
    /// </summary>
    public void RecordPolicyEnforcement(string? action, string? reason, DateTimeOffset at)
    {
        if (MessagingPolicyAt is { } last && at < last)
        {
            return;
        }

        MessagingPolicyAt = at;
        switch (action?.Trim().ToLowerInvariant())
        {
            case "unblock":
                MessagingPolicy = MessagingPolicy.None;
                MessagingPolicyReason = null;
                break;
            case "block":
                MessagingPolicy = MessagingPolicy.Blocked;
                MessagingPolicyReason = Reason(reason, "Meta blocked the page from messaging.");
                break;
            default:
                MessagingPolicy = MessagingPolicy.Warned;
                MessagingPolicyReason = Reason(reason, $"Meta sent a policy notice ({action ?? "no action named"}).");
                break;
        }
    }

    /// <summary>Why no reply may go out from this page now, or null.</summary>
    public string? MessagingRefusal => MessagingBlocked ? $"Meta blocked this page from messaging: {MessagingPolicyReason}" : null;

    public bool IsEscalationPayload(string? payload) =>
        payload is not null && string.Equals(payload.Trim(), EscalationPayload, StringComparison.Ordinal);

    /// <summary>Staff choose the postback payload that escalates (empty: the default).</summary>
    public void UseEscalationPayload(string? payload) =>
        EscalationPayload = string.IsNullOrWhiteSpace(payload) ? DefaultEscalationPayload : TextLimit.Cut(payload.Trim(), EscalationPayloadLength);

    public bool MayReadProfilesAt(DateTimeOffset now) => ProfileAccessRefusedAt is not { } refused || now - refused >= ProfileRetryAfterRefusal;

    public void RecordProfileAccessRefused(string reason, DateTimeOffset at)
    {
        ProfileAccessRefusedAt = at;
        ProfileAccessRefusal = TextLimit.Cut(reason);
    }

    public void RecordProfileAccessGranted()
    {
        ProfileAccessRefusedAt = null;
        ProfileAccessRefusal = null;
    }

    private IntegrationState? MessagingPolicyState() => MessagingPolicy switch
    {
        MessagingPolicy.Blocked => new IntegrationState(IntegrationStatus.MessagingBlocked, $"Messaging blocked by Meta: {MessagingPolicyReason}"),
        MessagingPolicy.Warned => new IntegrationState(IntegrationStatus.MessagingWarned, $"Messaging warning from Meta: {MessagingPolicyReason}"),
        _ => null,
    };

    private static string Reason(string? reason, string fallback) => TextLimit.Cut(string.IsNullOrWhiteSpace(reason) ? fallback : reason.Trim());
}
