using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeadOps.Web.Pages.Leads;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
