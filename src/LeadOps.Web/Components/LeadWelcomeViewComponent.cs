using LeadOps.Application.Leads.Welcome;
using LeadOps.Infrastructure.Welcome;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace LeadOps.Web.Components;

/// <summary>
/// The welcome message panel of a lead's page: status, attempts, last error, sent time, a Retry button for a Failed
/// message and, when the message went to the pickup folder, a link to it. Renders nothing for an unknown lead.
/// </summary>
public sealed class LeadWelcomeViewComponent(IMediator mediator, MailPickupFolder pickup) : ViewComponent
{
    public const string NoticeKey = "WelcomeNotice";

    public async Task<IViewComponentResult> InvokeAsync(long leadId)
    {
        var result = await mediator.Send(new GetLeadWelcome(leadId), HttpContext.RequestAborted);
        if (result.Value is not { } view)
        {
            return Content(string.Empty);
        }

        var returnUrl = HttpContext.Request.Path + HttpContext.Request.QueryString;
        return View(new LeadWelcomePanel(view, pickup.Find(view.MessageId) is not null, TempData[NoticeKey] as string, returnUrl));
    }
}

public sealed record LeadWelcomePanel(LeadWelcomeView Welcome, bool HasStoredCopy, string? Notice, string ReturnUrl);
