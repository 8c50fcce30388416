namespace LeadOps.Application.Conversations;

public enum MessengerMessagingType
{
    /// <summary>Within 24 h of the customer's last message.</summary>
    Response,

    /// <summary>MESSAGE_TAG with tag HUMAN_AGENT: a person's reply up to 7 days after the customer's last message.</summary>
    HumanAgentTag,
}
