using Microsoft.Extensions.Configuration;
using Quartz;

namespace LeadOps.Infrastructure.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz.NET: the in-memory store on SQLite (one node); on SQL Server the clustered ADO.NET job store, whose
    /// tables come with the SQL Server migrations, so several web nodes never run the same sync twice.
    /// </summary>
    public static IServiceCollection AddScheduledRetrieval(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string? connectionString)
    {
        var section = configuration.GetSection(SchedulingOptions.SectionName);
        services.AddOptions<SchedulingOptions>().Bind(section)
            .Configure(o => o.Cadence = section.Get<SyncCadence>() ?? SyncCadence.Default)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Cadence);
        services.AddSingleton<ScheduledRetrieval>();
        services.AddSingleton<InterruptedRuns>();
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.ScheduleJob<ScheduledRetrievalJob>(
                trigger => trigger.WithIdentity("scheduled-retrieval-trigger", "leads").StartNow().WithSimpleSchedule(options.PollInterval),
                job => job.WithIdentity(ScheduledRetrievalJob.Key));
            if (provider == DatabaseProvider.SqlServer)
            {
                q.UsePersistentStore(store =>
                {
                    store.UseClustering();
                    store.UseSqlServer(connectionString!);
                    store.UseSystemTextJsonSerializer();
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
