namespace LeadOps.Web.Api.Brief;

/// <summary>
/// The brief's contract: <c>GET /api/facebook-lead-forms</c>, <c>POST /api/facebook-lead-retrieval</c>,
/// <c>POST /admin/send-message</c> and <c>POST /test-message</c>, with the brief's routes, field names, messages and
/// error bodies byte for byte (see <see cref="BriefResults"/>; the contract tests hold them). Safe where the brief was
/// not: every call needs a key (the messaging ones a bearer key, never the browser cookie), only the caller's own data
/// is reachable, and Messenger's window rules apply. The house API around them lives beside this folder.
/// </summary>
internal static class BriefApi
{
    public static void MapBriefApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/facebook-lead-forms", BriefLeads.ListFormsAsync);
        endpoints.MapPost("/api/facebook-lead-retrieval", BriefLeads.RetrieveAsync);
        endpoints.MapPost("/admin/send-message", BriefMessages.SendAdminMessageAsync).RequireAuthorization(AccessPolicies.ApiKey).DisableAntiforgery()
            .Accepts<BriefContracts.SendMessageRequest>("application/json"); // read by SendMessageBody, FastAPI's way; declared for tools and the input sweep
        endpoints.MapPost("/test-message", BriefMessages.SendTestMessageAsync).RequireAuthorization(AccessPolicies.Admin).DisableAntiforgery();
    }
}
