namespace LeadOps.GraphSandbox;

/// <summary>
/// How a message whose content Messenger does not deliver to the API reaches the webhook: its <c>mid</c> and Meta's
/// <c>is_unsupported</c> flag (Meta's messaging webhooks, Instagram's reference: a boolean), nothing of the content.
/// </summary>
public enum UnsupportedContent
{
    /// <summary><c>"is_unsupported": true</c>.</summary>
    Flagged,

    /// <summary><c>"is_unsupported": "true"</c>, the flag written as a string.</summary>
    FlaggedAsString,

    /// <summary>No flag: the <c>mid</c> alone.</summary>
    MidOnly,
}
