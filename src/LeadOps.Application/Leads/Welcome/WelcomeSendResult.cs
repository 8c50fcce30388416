namespace LeadOps.Application.Leads.Welcome;

public sealed record WelcomeSendResult(WelcomeSendStatus Status, string? Error = null)
{
    public static WelcomeSendResult Sent { get; } = new(WelcomeSendStatus.Sent);

    public static WelcomeSendResult RetryLater(string error) => new(WelcomeSendStatus.RetryLater, error);

    public static WelcomeSendResult Rejected(string error) => new(WelcomeSendStatus.Rejected, error);
}
