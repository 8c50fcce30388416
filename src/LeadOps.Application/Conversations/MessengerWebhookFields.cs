namespace LeadOps.Application.Conversations;

/// <summary>The page webhook fields the Inbox needs: every Messenger event it records (Meta sends each only when subscribed).</summary>
public static class MessengerWebhookFields
{
    public static IReadOnlyList<string> All { get; } =
    [
        "messages", "messaging_postbacks", "message_reactions", "message_edits", "messaging_referrals", "messaging_handovers",
        "messaging_policy_enforcement", "messaging_optins", "message_deliveries", "message_reads", "message_echoes", "standby",
    ];
}
