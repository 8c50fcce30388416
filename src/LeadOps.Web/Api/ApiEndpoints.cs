using LeadOps.Web.Api.Account;
using LeadOps.Web.Api.Brief;
using LeadOps.Web.Api.Conversations;
using LeadOps.Web.Api.Integrations;
using LeadOps.Web.Api.Leads;
using LeadOps.Web.Api.Outgoing;
using LeadOps.Web.Api.Webhook;

namespace LeadOps.Web.Api;

/// <summary>
/// Every HTTP endpoint outside the pages, in one table: the brief's contract (its four routes are mapped in
/// <c>Brief/BriefApi</c> with their own authorisation), the house API and Meta's webhook. Each route points at a named
/// handler method in its module's folder.
/// </summary>
internal static class ApiEndpoints
{
    public static void MapLeadOpsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBriefApi();

        var apiKeys = endpoints.MapGroup("/api/api-keys");
        apiKeys.MapGet("/", ApiKeysApi.ListAsync);
        apiKeys.MapPost("/", ApiKeysApi.CreateAsync).RequirePerson(); // a key never makes or revokes keys (ADR 0018)
        apiKeys.MapDelete("/{id:guid}", ApiKeysApi.RevokeAsync).RequirePerson();

        var integrations = endpoints.MapGroup("/api/integrations");
        integrations.MapGet("/", IntegrationsApi.ListAsync);
        integrations.MapPost("/", IntegrationsApi.ConnectAsync);
        integrations.MapGet("/{id:int}", IntegrationsApi.GetAsync);
        integrations.MapPost("/{id:int}/test", IntegrationsApi.TestAsync);
        integrations.MapPost("/{id:int}/subscribe", IntegrationsApi.SubscribeAsync);
        integrations.MapPost("/{id:int}/forms/{formId}/test-lead", IntegrationsApi.SendTestLeadAsync);
        integrations.MapDelete("/{id:int}", IntegrationsApi.DeleteAsync);

        var conversations = endpoints.MapGroup("/api/conversations");
        conversations.MapGet("/", ConversationsApi.ListAsync);
        conversations.MapPost("/escalate", ConversationsApi.EscalateCustomerAsync);
        conversations.MapGet("/{id:guid}", ConversationsApi.GetAsync);
        conversations.MapGet("/{id:guid}/messages", ConversationsApi.ListMessagesAsync);
        conversations.MapPost("/{id:guid}/escalate", ConversationsApi.EscalateAsync);
        conversations.MapPost("/{id:guid}/take", ConversationsApi.TakeAsync);
        conversations.MapPost("/{id:guid}/release", ConversationsApi.ReleaseAsync);
        conversations.MapPost("/{id:guid}/resolve", ConversationsApi.ResolveAsync);
        conversations.MapPost("/{id:guid}/messages", ConversationsApi.ReplyAsync);
        conversations.MapPost("/{id:guid}/messages/{messageId:long}/retry", ConversationsApi.RetryAsync);

        endpoints.MapGet(InboxFilesApi.Path + "/{id:guid}", InboxFilesApi.GetAsync).WithSecurityHeadersPolicy(Security.SecurityHeaders.StoredFiles);

        var leads = endpoints.MapGroup("/api/leads");
        leads.MapGet("/", LeadsApi.ListAsync);
        leads.MapGet("/{id:long}", LeadsApi.GetAsync);
        leads.MapGet("/export", LeadsApi.Export);

        var retrieval = endpoints.MapGroup("/api/facebook-lead-retrieval");
        retrieval.MapPost("/bulk", RetrievalApi.RetrieveBulkAsync);
        retrieval.MapGet("/runs", RetrievalApi.ListRunsAsync);
        retrieval.MapGet("/runs/{id:long}", RetrievalApi.GetRunAsync);
        retrieval.MapGet("/webhook-health", RetrievalApi.GetWebhookHealthAsync);
        retrieval.MapPost("/preview", RetrievalApi.PreviewAsync);
        retrieval.MapGet("/failed-deliveries", RetrievalApi.ListFailedDeliveriesAsync);
        retrieval.MapPost("/failed-deliveries/{id:long}/retry", RetrievalApi.RetryDeliveryAsync);

        var webhookEndpoints = endpoints.MapGroup("/api/webhook-endpoints");
        webhookEndpoints.MapGet("/", OutgoingWebhooksApi.ListAsync);
        webhookEndpoints.MapPost("/", OutgoingWebhooksApi.CreateAsync).RequirePerson();
        webhookEndpoints.MapDelete("/{id:int}", OutgoingWebhooksApi.DeleteAsync);
        webhookEndpoints.MapPost("/{id:int}/test", OutgoingWebhooksApi.TestAsync);
        webhookEndpoints.MapPost("/{id:int}/resume", OutgoingWebhooksApi.ResumeAsync);
        endpoints.MapPut("/api/integrations/{id:int}/alerts", OutgoingWebhooksApi.SetAlertsAsync);

        endpoints.MapWebhook();
    }
}
