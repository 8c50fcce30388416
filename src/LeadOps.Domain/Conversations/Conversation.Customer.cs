using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Domain.Conversations;

/// <summary>Who the customer is (their Messenger profile), how they came (referral), what they opted in to.</summary>
public sealed partial class Conversation
{
    public const int NamePartLength = 100;

    /// <summary>Profiles are read again at most this often.</summary>
    public static readonly TimeSpan ProfileRefresh = TimeSpan.FromDays(1);

    public string? CustomerFirstName { get; private set; }

    public string? CustomerLastName { get; private set; }

    /// <summary>LeadOps' copy of the profile picture (Meta's link expires and pages show only what LeadOps serves).</summary>
    public Guid? CustomerPictureFileId { get; private set; }

    /// <summary>When the profile was last asked for (whether or not Meta answered).</summary>
    public DateTimeOffset? ProfileCheckedAt { get; private set; }

    public string? CustomerName => string.Join(' ', new[] { CustomerFirstName, CustomerLastName }.Where(n => n is not null)) is { Length: > 0 } name ? name : null;

    public string? ReferralSource { get; private set; }

    public string? ReferralRef { get; private set; }

    public string? ReferralAdId { get; private set; }

    public string? ReferralAdTitle { get; private set; }

    public string? ReferralPostId { get; private set; }

    public string? ReferralPhotoUrl { get; private set; }

    public string? ReferralVideoUrl { get; private set; }

    public string? ReferralProductId { get; private set; }

    public string? ReferralRefererUri { get; private set; }

    public DateTimeOffset? ReferredAt { get; private set; }

    public string? OptinType { get; private set; }

    public string? OptinTitle { get; private set; }

    public string? OptinPayload { get; private set; }

    public string? OptinFrequency { get; private set; }

    public string? OptinStatus { get; private set; }

    /// <summary>The notification-messages token, encrypted; never shown.</summary>
    public string? OptinProtectedToken { get; private set; }

    public DateTimeOffset? OptinTokenExpiresAt { get; private set; }

    public DateTimeOffset? OptedInAt { get; private set; }

    public Referral? Referral => ReferredAt is null ? null : new Referral(ReferralSource, ReferralRef, ReferralAdId, ReferralAdTitle, ReferralPostId, null)
    {
        PhotoUrl = ReferralPhotoUrl,
        VideoUrl = ReferralVideoUrl,
        ProductId = ReferralProductId,
        RefererUri = ReferralRefererUri,
    };

    public NotificationOptin? Optin => OptedInAt is null ? null : new NotificationOptin(OptinType, OptinTitle, OptinPayload, OptinFrequency, OptinStatus, OptinTokenExpiresAt);

    public bool ProfileDueAt(DateTimeOffset now) => ProfileCheckedAt is not { } checkedAt || now - checkedAt >= ProfileRefresh;

    /// <summary>Meta told LeadOps the customer's name (and LeadOps kept a copy of the picture, when there is one).</summary>
    public void UseProfile(string? firstName, string? lastName, Guid? pictureFileId, DateTimeOffset now)
    {
        var before = CustomerName;
        CustomerFirstName = Part(firstName);
        CustomerLastName = Part(lastName);
        if (CustomerName is { } name && !string.Equals(name, before, StringComparison.Ordinal))
        {
            Raise(new CustomerNamed(this, name));
        }

        CustomerPictureFileId = pictureFileId ?? CustomerPictureFileId;
        ProfileCheckedAt = now;
        Raise(new ConversationDetailsChanged(this));
    }

    /// <summary>Meta did not give the profile: the "Customer …1234" label stays; asked again after <see cref="ProfileRefresh"/>.</summary>
    public void ProfileUnavailable(DateTimeOffset now) => ProfileCheckedAt = now;

    /// <summary>
    /// The customer came from an ad or a link: the latest referral is the conversation's; the thread notes each. Coming back
    /// into the thread through an m.me link resets Messenger's window (<see cref="Referral.OpensWindow"/>).
    /// </summary>
    public MessengerMessage? RecordReferral(Referral referral, string mid, DateTimeOffset at, bool note)
    {
        if (referral.OpensWindow)
        {
            OpenWindow(at);
        }

        if (ReferredAt is null || at >= ReferredAt)
        {
            ReferralSource = Field(referral.Source);
            ReferralRef = Field(referral.Ref);
            ReferralAdId = Field(referral.AdId);
            ReferralAdTitle = Field(referral.AdTitle);
            ReferralPostId = Field(referral.PostId);
            ReferralPhotoUrl = Referral.WebAddress(referral.PhotoUrl);
            ReferralVideoUrl = Referral.WebAddress(referral.VideoUrl);
            ReferralProductId = Field(referral.ProductId);
            ReferralRefererUri = Referral.WebAddress(referral.RefererUri);
            ReferredAt = at;
            Raise(new ConversationDetailsChanged(this));
        }

        return note ? AddNote(MessageKind.Referral, mid, referral.Describe(), at) : null;
    }

    /// <summary>
    /// The customer opted in to notification messages (or changed their choice). A Send to Messenger tap (no type, no
    /// token) is noted in the thread but leaves a standing notification opt-in whole.
    /// </summary>
    public MessengerMessage RecordOptin(NotificationOptin optin, string? protectedToken, string mid, DateTimeOffset at)
    {
        var keepsSubscription = optin.Type is null && protectedToken is null && OptinProtectedToken is not null;
        if ((OptedInAt is null || at >= OptedInAt) && !keepsSubscription)
        {
            OptinType = Field(optin.Type);
            OptinTitle = Field(optin.Title);
            OptinPayload = Field(optin.Payload);
            OptinFrequency = Field(optin.Frequency);
            OptinStatus = Field(optin.Status);
            if (protectedToken is not null)
            {
                // A token and its expiry go together: a one-time token (no expiry) replaces a recurring one whole.
                OptinProtectedToken = protectedToken;
                OptinTokenExpiresAt = optin.TokenExpiresAt;
            }

            OptedInAt = at;
            Raise(new ConversationDetailsChanged(this));
        }

        return AddNote(MessageKind.Optin, mid, optin.Describe(), at);
    }

    private static string? Part(string? name) => TextLimit.Words(name, NamePartLength);

    private static string? Field(string? value) => TextLimit.Words(value, Referral.FieldLength);
}
