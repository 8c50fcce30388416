using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validators hold only their rules (no services), so each is built once and shared, as FluentValidation advises.
        services.AddValidatorsFromAssemblyContaining<ApplicationAssembly>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<ExplicitOwner>();
        services.AddSingleton<IOwnerScopeFactory, OwnerScopeFactory>();
        services.AddScoped<ActingStaff>();
        services.AddScoped<Integrations.IntegrationChecker>();
        services.AddScoped<Integrations.LeadDeliveryCheck>();
        services.AddScoped<Leads.LeadPageStore>();
        services.AddScoped<Leads.LeadAnswersFiller>();
        services.AddScoped<Leads.LeadFollowUpPlanner>();
        services.AddScoped<Leads.SyncBackoff>();
        services.AddSingleton<Leads.Welcome.WelcomePlanner>();
        services.AddSingleton(Leads.SyncCadence.Default);
        services.AddSingleton(Leads.Welcome.WelcomeAgeLimit.Default);
        services.AddScoped<Integrations.IntegrationAccess>();
        services.AddScoped<Leads.LeadRetriever>().AddScoped<Leads.RetrievalStarter>();
        services.AddScoped<Conversations.ConversationTransition>();
        services.AddScoped<Conversations.PageMessenger>();
        services.AddScoped<Conversations.ReplySender>();
        services.AddScoped<Conversations.AttachmentCopier>();
        services.AddScoped<Conversations.CustomerProfileReader>();
        services.AddScoped<Conversations.CustomerEventRecorder>();
        services.AddScoped<Conversations.PageEventRecorder>();
        services.AddScoped<Conversations.ThreadHandover>();
        services.AddSingleton<Leads.LeadMetrics>();

        // What domain events do when their change is saved (ADR 0008), in this order.
        services.AddSingleton<Common.Events.IDomainEventHandler, Conversations.ConversationAuditHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Common.Audit.StaffAuditHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Conversations.InboxPushHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Leads.WelcomeOutboxHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Leads.LeadArrivedPushHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Conversations.InboxSearchIndexer>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Outgoing.OutgoingEventHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Outgoing.EscalationNotificationHandler>();
        services.AddSingleton<Common.Events.IDomainEventHandler, Leads.Stages.LeadStageHandler>();
        return services;
    }
}
