namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Refreshes SQLite's planner statistics every <see cref="DatabaseOptions.SqliteStatisticsInterval"/> (hourly by
/// default), so that pages stay on their indexes as the tables grow (<see cref="SqliteStatistics"/>).
/// </summary>
internal sealed partial class SqliteStatisticsWorker(
    IServiceScopeFactory scopes,
    SqliteStatistics statistics,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<SqliteStatisticsWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SqliteStatisticsInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        // Within what a timer takes (and what is sensible): between a minute and thirty days.
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(interval.Ticks, MinInterval.Ticks, MaxInterval.Ticks)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await statistics.RefreshAsync(scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>(), stoppingToken))
                {
                    LogRefreshed(logger);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite statistics refreshed; pooled connections reopen with them")]
    private static partial void LogRefreshed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the SQLite statistics failed; the next period tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
