namespace LeadOps.Domain.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
