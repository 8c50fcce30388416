namespace LeadOps.Application.Integrations.Commands;

internal static class PageTokenRules
{
    /// <summary>A page token: present, one line, no spaces, and of a sane length (real ones are a few hundred characters).</summary>
    public static IRuleBuilderOptions<T, string> PageToken<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Paste the page access token.")
            .MaximumLength(2048).WithMessage("That is too long for a page access token (at most 2048 characters).")
            .Matches(@"^\s*\S+\s*$").WithMessage("A page access token has no spaces or line breaks.");
}
