namespace LeadOps.Application.Conversations;

/// <summary>A page whose Messenger events are held until it is reconnected: customers' messages and taps, from how many customers, and every event (receipts, reactions… included).</summary>
public sealed record HeldPage(int IntegrationId, string PageName, int Messages, int Customers, int Events);
