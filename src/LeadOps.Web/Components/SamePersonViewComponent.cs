using LeadOps.Application.Leads.Queries;

namespace LeadOps.Web.Components;

/// <summary>
/// The "Same person" panel of a lead's page (ADR 0022): other leads with the same e-mail or phone, and the lead's
/// conversations. Renders nothing for an unknown lead.
/// </summary>
public sealed class SamePersonViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long leadId)
    {
        var result = await mediator.Send(new GetSamePerson(leadId), HttpContext.RequestAborted);
        return result.Value is { } samePerson ? View(samePerson) : Content(string.Empty);
    }
}
