using LeadOps.Application.Common.Events;
using LeadOps.Application.Leads.Conversions;
using LeadOps.Application.Leads.Stages;
using LeadOps.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.Configuration;

namespace LeadOps.Infrastructure.Conversions;

public static class ConversionsServiceCollectionExtensions
{
    /// <summary>Stages, notes and the Conversions API outbox (section <c>Conversions</c>, ADR 0023).</summary>
    public static IServiceCollection AddStagesAndConversions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversionsOptions>().Bind(configuration.GetSection(ConversionsOptions.SectionName))
            .Validate(o => !o.Problems().Any(), "Conversions: MaxAttempts ≥ 1, FirstRetryDelay > 0 and ≤ MaxRetryDelay, ClaimLease ≥ 30 s, PollInterval > 0 and BatchSize ≥ 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConversionsOptions>>().Value.RetryPolicy);
        services.AddScoped<IStageRepository, StageRepository>();
        services.AddScoped<IConversionsRepository, ConversionsRepository>();
        services.AddSingleton<ConversionsSignal>();
        services.AddSingleton<IDomainEventHandler, ConversionsWakeHandler>();
        services.AddSingleton<ConversionsOutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversionsOutboxWorker>());
        return services;
    }
}
