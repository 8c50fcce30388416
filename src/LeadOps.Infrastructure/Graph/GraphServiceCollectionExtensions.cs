using LeadOps.Application.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace LeadOps.Infrastructure.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Name of the Graph HttpClient (and prefix of its resilience pipelines in telemetry).</summary>
    public const string HttpClientName = "LeadOps.Graph";

    /// <summary>
    /// Registers the Graph client and the adapters behind <see cref="IFacebookPageGateway"/>, <see cref="ILeadSource"/>
    /// and <see cref="IMessengerGateway"/>, configured from the <c>Facebook</c> section (validated at start).
    /// Handlers, outermost first: failure → <see cref="GraphApiException"/>, pacing on high usage, resilience (per page),
    /// then per attempt: auth (fresh appsecret_time on every retry), diagnostics (usage, classification, one log event).
    /// </summary>
    public static IServiceCollection AddGraphClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(GraphUsageTracker)))
        {
            return services; // already added: a second call would stack the handlers twice
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddOptions<FacebookOptions>()
            .Bind(configuration.GetSection(FacebookOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FacebookOptions>, FacebookOptionsValidator>());

        services.TryAddSingleton<GraphUsageTracker>();
        services.TryAddSingleton<GraphMetrics>();
        services.TryAddSingleton<GraphLeadFieldsMemory>();
        services.TryAddTransient<GraphFailureHandler>();
        services.TryAddTransient<GraphPacingHandler>();
        services.TryAddTransient<GraphAuthHandler>();
        services.TryAddTransient<GraphDiagnosticsHandler>();

        var client = services
            // Refit's source-generated client: AddRefitClient would need the Refit.Reflection package, which is not used here.
            .AddRefitGeneratedClient<IGraphApi>(new RefitSettings(new SystemTextJsonContentSerializer(GraphJson.Options)), HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<FacebookOptions>>().Value.VersionedBaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .RemoveAllLoggers() // the default logger writes full URLs; GraphDiagnosticsHandler logs the path only
            .AddHttpMessageHandler<GraphFailureHandler>()
            .AddHttpMessageHandler<GraphPacingHandler>();

        client.AddResilienceHandler(GraphResiliencePipeline.Name, GraphResiliencePipeline.Configure)
            .SelectPipelineBy(_ => GraphResiliencePipeline.SelectKey);
        services.Configure<Polly.Telemetry.TelemetryOptions>(o => o.MeteringEnrichers.Add(new PageFreeMeteringEnricher()));

        client
            .AddHttpMessageHandler<GraphAuthHandler>()
            .AddHttpMessageHandler<GraphDiagnosticsHandler>();

        services.TryAddTransient<IFacebookPageGateway, GraphFacebookPageGateway>();
        services.TryAddTransient<ILeadSource, GraphLeadSource>();
        services.TryAddSingleton<ISyncBudget, GraphSyncBudget>();
        services.TryAddTransient<IMessengerGateway, GraphMessengerGateway>();
        services.TryAddTransient<ICustomerProfiles, GraphCustomerProfiles>();
        services.TryAddTransient<IThreadControl, GraphThreadControl>();
        services.TryAddTransient<LeadOps.Application.Leads.Conversions.IConversionsGateway, GraphConversionsGateway>();
        return services;
    }
}
