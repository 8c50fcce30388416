namespace LeadOps.Infrastructure.Webhooks;

/// <summary>Section <c>Webhooks</c>: how the worker processes stored deliveries.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Runs the webhook worker on this node (any number of nodes may: each delivery is claimed by one at a time). Off, the
    /// node still receives and stores Meta's webhooks; another node's worker processes them.
    /// </summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Attempts before a delivery that keeps failing is Failed (staff can retry it from the sync history).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a worker's claim on a delivery holds; it is renewed every third of it while the delivery is worked on.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Held Messenger events one idle pass of the worker releases at most (ADR 0012); the next pass, after the deliveries
    /// that came meanwhile, takes more.
    /// </summary>
    public int HeldReleasesPerPass { get; set; } = 100;

    /// <summary>
    /// The memory all webhook bodies being read may take at once, before their signatures are checked (64 MiB: four whole
    /// batches of Meta's largest). A delivery that finds no room is answered 503 and Meta sends it again. It must hold at
    /// least one delivery of the largest size accepted (16 MiB), or that delivery could never be taken.
    /// </summary>
    public long ReceiveBufferBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long one webhook body may take to arrive whole (408 after it, which Meta retries): a client that sends slowly
    /// cannot keep its share of <see cref="ReceiveBufferBytes"/> for longer. Meta's largest batch arrives in seconds.
    /// </summary>
    public TimeSpan ReceiveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the raw body of a done delivery (Processed or Unroutable) is kept; then it is emptied and the row kept
    /// (<see cref="WebhookBodyRetention"/>). Zero keeps bodies for ever; a negative value is refused at start.
    /// </summary>
    public TimeSpan KeepBodiesFor { get; set; } = TimeSpan.FromDays(30);
}
