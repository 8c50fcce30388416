namespace LeadOps.Application.Conversations;

/// <summary>The <c>Messenger</c> configuration section.</summary>
public sealed class MessengerOptions
{
    public const string SectionName = "Messenger";

    /// <summary>
    /// Answer from 24 hours to 7 days after the customer's last message with <c>MESSAGE_TAG</c> + <c>HUMAN_AGENT</c>
    /// (needs the app's Human Agent permission). Off: only within 24 hours. Default true.
    /// </summary>
    public bool UseHumanAgentTag { get; set; } = true;
}
