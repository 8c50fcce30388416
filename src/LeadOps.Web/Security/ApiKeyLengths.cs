namespace LeadOps.Web.Security;

/// <summary>
/// The configured bearer keys (<c>Admin:ApiKey</c>, the brief's <c>ADMIN_API_KEY</c>; <c>Operator:ApiKey</c>) are
/// secrets that open every user's data or the metrics: a short one can be guessed. Outside Development, LeadOps refuses to
/// start with one set shorter than <see cref="MinimumLength"/>, naming the setting and never its value (ADR 0013).
/// </summary>
internal static class ApiKeyLengths
{
    public const int MinimumLength = 32;

    private static readonly (string Key, string Named)[] Settings =
    [
        ("Admin:ApiKey", "Admin:ApiKey (ADMIN_API_KEY)"),
        ("Operator:ApiKey", "Operator:ApiKey"),
    ];

    /// <summary>Throws when a key is set (not blank) but shorter than <see cref="MinimumLength"/>, unless in Development.</summary>
    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var tooShort = Settings
            .Where(s => configuration[s.Key] is { } value && !string.IsNullOrWhiteSpace(value) && value.Trim().Length < MinimumLength)
            .Select(s => s.Named)
            .ToList();
        if (tooShort.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(" and ", tooShort)} {(tooShort.Count == 1 ? "is" : "are")} shorter than {MinimumLength} characters: " +
                $"set {(tooShort.Count == 1 ? "it" : "each")} to a long random value (for example `openssl rand -hex 32`), or leave {(tooShort.Count == 1 ? "it" : "them")} unset.");
        }
    }
}
