namespace LeadOps.GraphSandbox;

/// <summary>A person who wrote to a page (a page-scoped id), with their conversation. Changed under the state's lock.</summary>
internal sealed class CustomerState(string psid, string name, bool blockedPage)
{
    public string Psid { get; } = psid;

    public string Name { get; } = name;

    public bool BlockedPage { get; } = blockedPage;

    /// <summary>When the customer last wrote: it opens the messaging windows.</summary>
    public DateTimeOffset? LastCustomerMessageAt { get; set; }

    public List<ConversationMessage> History { get; } = [];
}
