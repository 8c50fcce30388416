namespace LeadOps.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>Every JSON API; each module maps its own group.</summary>
    public static void MapLeadOpsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountApi();
        endpoints.MapIntegrationsApi();
        endpoints.MapConversationsApi();
        endpoints.MapWebhook();
        endpoints.MapLeadsApi();
    }
}
