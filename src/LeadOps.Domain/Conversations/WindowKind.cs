namespace LeadOps.Domain.Conversations;

public enum WindowKind
{
    /// <summary>Within 24 h of the customer's last message: any reply, messaging_type RESPONSE.</summary>
    Standard,

    /// <summary>24 h to 7 days: only a person's reply, as MESSAGE_TAG with tag HUMAN_AGENT.</summary>
    HumanAgent,

    /// <summary>Beyond 7 days (or no customer message yet): no reply until the customer writes again.</summary>
    Closed,
}
