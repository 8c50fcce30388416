using LeadOps.Application.Leads.Welcome;
using LeadOps.Infrastructure.Welcome;

namespace LeadOps.Web.Components;

/// <summary>
/// The welcome message panel of a lead's page: status, attempts, last error, sent time, a Retry button for a Failed
/// message, its preview (as text): the copy the pickup folder kept, with a link to download it, or else (unless it was
/// skipped) the message as the integration's template renders it, whatever the transport. Renders nothing for an unknown lead.
/// </summary>
public sealed class LeadWelcomeViewComponent(IMediator mediator, MailPickupFolder pickup) : ViewComponent
{
    public const string NoticeKey = "WelcomeNotice";

    /// <param name="leadId">The lead.</param>
    /// <param name="welcome">The panel's data when the page has loaded it already; otherwise it is loaded here.</param>
    public async Task<IViewComponentResult> InvokeAsync(long leadId, LeadWelcomeView? welcome = null)
    {
        var view = welcome ?? (await mediator.Send(new GetLeadWelcome(leadId), HttpContext.RequestAborted)).Value;
        if (view is null)
        {
            return Content(string.Empty);
        }

        var returnUrl = HttpContext.Request.Path + HttpContext.Request.QueryString;
        var copy = await pickup.ReadAsync(view.MessageId, HttpContext.RequestAborted);
        var preview = copy is null && view.Status != LeadOps.Domain.Leads.WelcomeStatus.Skipped && (await mediator.Send(new PreviewWelcomeMessage(leadId), HttpContext.RequestAborted)).Value is { } rendered
            ? new StoredWelcomeCopy(rendered.Subject, rendered.To, rendered.Text)
            : null;
        return View(new LeadWelcomePanel(view, copy, TempData[NoticeKey] as string, returnUrl) { Rendered = preview });
    }
}
