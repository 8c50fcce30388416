using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeadOps.Web.Pages.Inbox;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
