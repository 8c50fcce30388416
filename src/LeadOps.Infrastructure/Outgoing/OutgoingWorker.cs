using LeadOps.Application.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// The outgoing side (ADR 0024), round after round: fans new events out into webhook deliveries and staff alerts,
/// posts the deliveries that are due, and e-mails the alerts that are due.
/// </summary>
internal sealed class OutgoingWorker(
    EventFanOut fanOut,
    WebhookPoster poster,
    StaffAlertMailer mailer,
    OutgoingSignal signal,
    WorkerHealth health,
    OutgoingWebhookOptions options,
    ILogger<OutgoingWorker> logger) : PollingWorker(signal, health, logger)
{
    public const string WorkerName = "outgoing";

    protected override string Name => WorkerName;

    public override async Task<int> ProcessDueAsync(CancellationToken cancellationToken) =>
        await fanOut.RunAsync(cancellationToken) + await poster.RunAsync(cancellationToken) + await mailer.RunAsync(cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RunAsync(options.WorkerEnabled, OutgoingWebhookOptions.SectionName, options.PollInterval, stoppingToken);
}
