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

    /// <summary>
    /// The bot's Meta app id. When set, releasing a conversation passes thread control to it and taking one takes
    /// control when LeadOps does not have it (ADR 0012); unset, LeadOps calls no handover API.
    /// </summary>
    public string? BotAppId { get; set; }

    /// <summary>LeadOps' own Meta app id (<c>Facebook:AppId</c>): tells its own echoes and handovers from other apps'.</summary>
    public string? OwnAppId { get; set; }

    public bool HasBot => !string.IsNullOrWhiteSpace(BotAppId);
}
