using LeadOps.Application.Outgoing.Queries;

namespace LeadOps.Web.Components;

/// <summary>The banner on every page while one of the user's webhook endpoints is paused after repeated failure.</summary>
public sealed class PausedWebhooksViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        User.Identity?.IsAuthenticated == true
            ? View(await mediator.Send(new ListPausedEndpoints(), HttpContext.RequestAborted))
            : Content(string.Empty);
}
