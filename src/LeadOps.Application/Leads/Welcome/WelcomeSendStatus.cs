namespace LeadOps.Application.Leads.Welcome;

public enum WelcomeSendStatus
{
    Sent,

    /// <summary>Could not be delivered now (server down, temporary refusal): try again later.</summary>
    RetryLater,

    /// <summary>Refused for good (for example the address does not exist): retrying will not help.</summary>
    Rejected,
}
