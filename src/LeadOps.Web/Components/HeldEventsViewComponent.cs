using LeadOps.Application.Conversations.Queries;

namespace LeadOps.Web.Components;

/// <summary>The Inbox's banner for pages whose Messenger events are held until the page is reconnected (ADR 0012).</summary>
public sealed class HeldEventsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new ListHeldPages(), HttpContext.RequestAborted));
}
