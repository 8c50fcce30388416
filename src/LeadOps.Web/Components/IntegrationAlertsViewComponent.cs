using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Queries;

namespace LeadOps.Web.Components;

/// <summary>The banner on the Leads and Inbox pages for integrations that need attention.</summary>
public sealed class IntegrationAlertsViewComponent(IMediator mediator) : ViewComponent
{
    /// <param name="integrations">The user's integrations when the page has listed them already; otherwise the
    /// alerts are loaded here.</param>
    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyList<IntegrationView>? integrations = null) =>
        View(integrations is null
            ? await mediator.Send(new GetIntegrationAlerts(), HttpContext.RequestAborted)
            : [.. integrations.Where(i => i.NeedsAttention)]);
}
