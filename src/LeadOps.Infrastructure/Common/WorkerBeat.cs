namespace LeadOps.Infrastructure.Common;

public sealed record WorkerBeat(string Worker, DateTimeOffset At, TimeSpan ExpectedInterval, string? Detail, string? LastError);
