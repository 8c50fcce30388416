using LeadOps.Web.Api.Account;
using LeadOps.Web.Api.Brief;
using LeadOps.Web.Api.Conversations;
using LeadOps.Web.Api.Integrations;
using LeadOps.Web.Api.Leads;
using LeadOps.Web.Api.Outgoing;
using LeadOps.Web.Api.Webhook;

namespace LeadOps.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>Every HTTP endpoint outside the pages: the brief's contract, the house API (one group per module) and Meta's webhook.</summary>
    public static void MapLeadOpsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBriefApi();
        endpoints.MapApiKeysApi();
        endpoints.MapIntegrationsApi();
        endpoints.MapConversationsApi();
        endpoints.MapInboxFilesApi();
        endpoints.MapLeadsApi();
        endpoints.MapRetrievalApi();
        endpoints.MapOutgoingWebhooksApi();
        endpoints.MapWebhook();
    }
}
