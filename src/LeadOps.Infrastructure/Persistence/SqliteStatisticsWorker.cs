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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SqliteStatisticsInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SqliteStatisticsInterval, clock);
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
