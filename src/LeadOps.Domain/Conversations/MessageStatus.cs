namespace LeadOps.Domain.Conversations;

/// <summary>
/// Where a message stands. Outbound messages move forward only (Sending → Sent → Delivered → Read); Failed can go back
/// to Sending through a retry. Inbound messages are Received.
/// </summary>
public enum MessageStatus
{
    Received = 0,
    Sending = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Failed = 5,
}
