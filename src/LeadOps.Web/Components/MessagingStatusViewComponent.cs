using LeadOps.Application.Conversations.Queries;

namespace LeadOps.Web.Components;

/// <summary>
/// The Messenger part of an integration's page: Meta's policy enforcement (with its reason), whether Meta gives
/// customers' names (and why not), and the postback payload that escalates a conversation to a person.
/// </summary>
public sealed class MessagingStatusViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int integrationId)
    {
        var status = await mediator.Send(new GetMessagingStatus(integrationId), HttpContext.RequestAborted);
        return status.IsSuccess ? View(status.Value!) : Content(string.Empty);
    }
}
