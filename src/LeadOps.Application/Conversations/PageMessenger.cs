namespace LeadOps.Application.Conversations;

/// <summary>Sends a text to a customer as the page, with the integration's token, the way the plan says (standard response or human agent tag).</summary>
internal sealed class PageMessenger(IMessengerGateway gateway, ITokenProtector protector)
{
    public Task<MessengerSendResult> SendAsync(Integration integration, string psid, string text, ReplyPlan plan, CancellationToken ct)
    {
        var credentials = new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken));
        var type = plan.Type == ReplyType.HumanAgentTag ? MessengerMessagingType.HumanAgentTag : MessengerMessagingType.Response;
        return gateway.SendTextAsync(credentials, psid, text, type, ct);
    }
}
