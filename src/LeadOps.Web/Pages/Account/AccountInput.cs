using System.ComponentModel.DataAnnotations;

namespace LeadOps.Web.Pages.Account;

/// <summary>The e-mail address that sign-in and registration both ask for, with the same rules and messages.</summary>
public abstract class AccountInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;
}
