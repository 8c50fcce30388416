using System.Text.RegularExpressions;

namespace LeadOps.Infrastructure.Graph;

/// <summary>Checks the Facebook section at start, so a bad value fails the app instead of the first Graph call.</summary>
internal sealed partial class FacebookOptionsValidator : IValidateOptions<FacebookOptions>
{
    public ValidateOptionsResult Validate(string? name, FacebookOptions options)
    {
        var errors = new List<string>();

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(baseUrl.Query))
        {
            errors.Add("Facebook:GraphBaseUrl must be an absolute http(s) URL without a query string.");
        }

        if (string.IsNullOrEmpty(options.GraphVersion) || !VersionPattern().IsMatch(options.GraphVersion))
        {
            errors.Add("Facebook:GraphVersion must look like v25.0.");
        }

        if (options.RefusedLeadFieldsMemory < TimeSpan.Zero || options.RefusedLeadFieldsMemory > TimeSpan.FromDays(7))
        {
            errors.Add("Facebook:RefusedLeadFieldsMemory must be between 0 and 7 days.");
        }

        ValidateResilience(options.Resilience, errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateResilience(GraphResilienceOptions? r, List<string> errors)
    {
        if (r is null)
        {
            errors.Add("Facebook:Resilience is missing.");
            return;
        }

        const string Prefix = "Facebook:Resilience:";
        Check(r.MaxAttempts is >= 1 and <= 10, "MaxAttempts must be between 1 and 10.");
        Check(r.BaseDelay >= TimeSpan.Zero && r.BaseDelay <= TimeSpan.FromMinutes(1), "BaseDelay must be between 0 and 1 minute.");
        Check(r.AttemptTimeout >= TimeSpan.FromSeconds(1) && r.AttemptTimeout <= TimeSpan.FromMinutes(10), "AttemptTimeout must be between 1 second and 10 minutes.");
        Check(r.TotalTimeout >= r.AttemptTimeout && r.TotalTimeout <= TimeSpan.FromHours(1), "TotalTimeout must be at least AttemptTimeout and at most 1 hour.");
        Check(r.MaxRetryAfter >= TimeSpan.Zero && r.MaxRetryAfter < r.TotalTimeout, "MaxRetryAfter must be between 0 and TotalTimeout.");
        Check(r.CircuitBreakerFailureRatio is > 0 and <= 1, "CircuitBreakerFailureRatio must be in (0, 1].");
        Check(r.CircuitBreakerMinimumThroughput >= 2, "CircuitBreakerMinimumThroughput must be at least 2.");
        Check(r.CircuitBreakerSamplingDuration >= TimeSpan.FromSeconds(1), "CircuitBreakerSamplingDuration must be at least 1 second.");
        Check(r.CircuitBreakerBreakDuration >= TimeSpan.FromSeconds(1), "CircuitBreakerBreakDuration must be at least 1 second.");
        Check(r.UsageThresholdPercent is > 0 and < 100, "UsageThresholdPercent must be between 0 and 100 (exclusive).");
        Check(r.MaxPacingDelay >= TimeSpan.Zero && r.MaxPacingDelay <= TimeSpan.FromMinutes(5), "MaxPacingDelay must be between 0 and 5 minutes.");

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(Prefix + message);
            }
        }
    }

    [GeneratedRegex(@"^v\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
