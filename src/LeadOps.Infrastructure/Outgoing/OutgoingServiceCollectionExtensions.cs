using LeadOps.Application.Outgoing;
using Microsoft.Extensions.Configuration;

namespace LeadOps.Infrastructure.Outgoing;

internal static class OutgoingServiceCollectionExtensions
{
    /// <summary>Outgoing webhooks and staff alerts (<c>OutgoingWebhooks</c>): the store, the HTTP client with its SSRF guard, the worker.</summary>
    public static IServiceCollection AddOutgoing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutgoingWebhookOptions>().Bind(configuration.GetSection(OutgoingWebhookOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutgoingWebhookOptions>, OutgoingWebhookOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutgoingWebhookOptions>>().Value);
        services.AddScoped<IOutgoingWebhookStore, OutgoingWebhookStore>();
        services.AddHttpClient(WebhookPoster.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => SafeConnect.Handler(sp.GetRequiredService<OutgoingWebhookOptions>()));
        services.AddSingleton<IStaffMail, StaffMail>();
        services.AddSingleton<EventFanOut>();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<StaffAlertMailer>();
        services.AddSingleton<OutgoingSignal>();
        services.AddSingleton<OutgoingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutgoingWorker>());
        return services;
    }
}
