using LeadOps.Application.Integrations.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace LeadOps.Web.Components;

/// <summary>The banner on the Leads and Inbox pages for integrations that need attention.</summary>
public sealed class IntegrationAlertsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new GetIntegrationAlerts(), HttpContext.RequestAborted));
}
