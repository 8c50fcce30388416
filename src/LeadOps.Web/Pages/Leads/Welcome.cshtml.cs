using LeadOps.Application.Leads.Welcome;
using LeadOps.Infrastructure.Welcome;
using LeadOps.Web.Components;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// <c>/Leads/{id}/welcome</c>: GET answers the stored copy of the lead's welcome e-mail (pickup folder) so the demo
/// shows what the lead received; <c>?handler=Panel</c> answers the welcome panel alone; POST <c>?handler=Retry</c>
/// sends a Failed message again. Another user's lead is 404 throughout.
/// </summary>
public sealed class WelcomeModel(IMediator mediator, MailPickupFolder pickup) : PageModel
{
    public long Id { get; private set; }

    /// <summary>The panel's data, loaded once here and handed to the view component.</summary>
    public LeadWelcomeView? Welcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await mediator.Send(new GetLeadWelcome(id), ct);
        if (result.Value is not { } welcome || pickup.Find(welcome.MessageId) is not { } path)
        {
            return NotFound();
        }

        return PhysicalFile(path, "message/rfc822", $"welcome-{id}.eml");
    }

    public async Task<IActionResult> OnGetPanelAsync(long id, CancellationToken ct) =>
        this.PageOrNotFound(await mediator.Send(new GetLeadWelcome(id), ct), welcome =>
        {
            Id = id;
            Welcome = welcome;
        });

    public async Task<IActionResult> OnPostRetryAsync(long id, string? returnUrl, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new RetryWelcomeMessage(id), ct), retried =>
        {
            TempData[LeadWelcomeViewComponent.NoticeKey] = retried.IsSuccess
                ? "The welcome message will be sent again shortly."
                : $"{retried.Error}. {retried.Detail}";
            return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage(pageName: null, pageHandler: "Panel", routeValues: new { id });
        });
}
