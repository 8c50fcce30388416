namespace LeadOps.Infrastructure.Welcome;

/// <summary>Checks the Smtp and Welcome sections at start, so a bad value fails the app instead of every message.</summary>
internal sealed class WelcomeOptionsValidator : IValidateOptions<SmtpOptions>, IValidateOptions<WelcomeOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) => Result(options.Problems());

    public ValidateOptionsResult Validate(string? name, WelcomeOptions options) => Result(options.Problems());

    private static ValidateOptionsResult Result(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return list.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(list);
    }
}
