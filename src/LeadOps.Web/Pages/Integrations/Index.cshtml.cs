using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeadOps.Web.Pages.Integrations;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
