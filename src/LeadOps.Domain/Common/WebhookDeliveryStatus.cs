namespace LeadOps.Domain.Common;

public enum WebhookDeliveryStatus
{
    Pending,
    Processed,
    Unroutable,
    Failed,
}
