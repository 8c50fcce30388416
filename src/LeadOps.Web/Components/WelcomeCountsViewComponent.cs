using LeadOps.Application.Leads.Welcome;

namespace LeadOps.Web.Components;

/// <summary>The signed-in user's leads by welcome status (Pending, Sent, Failed, Skipped), for the Leads page.</summary>
public sealed class WelcomeCountsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new GetWelcomeCounts(), HttpContext.RequestAborted));
}
