using LeadOps.Infrastructure.Common;

namespace LeadOps.Web.Security;

/// <summary>
/// The configured bearer keys (<c>Admin:ApiKey</c>, the brief's <c>ADMIN_API_KEY</c>, opens every user's data;
/// <c>Operator:ApiKey</c>, the metrics) are not refused when weak, since the brief's own example key must keep working
/// (ADR 0013): one set shorter than <see cref="MinimumLength"/> characters, or equal to the brief's example value, is
/// warned about once at start and shown on <c>/status</c> to those who may see its details. Never the value itself.
/// </summary>
internal sealed partial class WeakApiKeys(IConfiguration configuration, ILogger<WeakApiKeys> logger) : IStartupTask
{
    public const int MinimumLength = 32;

    /// <summary>The brief's example value of <c>ADMIN_API_KEY</c>.</summary>
    public const string BriefPlaceholder = "your_admin_api_key_here";

    private static readonly (string Key, string Named)[] Settings =
    [
        ("Admin:ApiKey", "Admin:ApiKey (ADMIN_API_KEY)"),
        ("Operator:ApiKey", "Operator:ApiKey"),
    ];

    /// <summary>The settings (by name) that are set to a weak key.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration) =>
        [.. Settings.Where(s => configuration[s.Key] is { } value && IsWeak(value.Trim())).Select(s => s.Named)];

    /// <summary>What is said about <paramref name="weak"/> (setting names, never values).</summary>
    public static string Warning(IReadOnlyList<string> weak) =>
        $"{string.Join(" and ", weak)} {(weak.Count == 1 ? "is" : "are")} shorter than {MinimumLength} characters or the brief's example value: " +
        "a key that can be guessed opens what it guards; set a long random value (for example `openssl rand -hex 32`).";

    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (Find(configuration) is { Count: > 0 } weak)
        {
            LogWeak(logger, Warning(weak));
        }

        return Task.CompletedTask;
    }

    private static bool IsWeak(string value) =>
        value.Length > 0 && (value.Length < MinimumLength || string.Equals(value, BriefPlaceholder, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weak API key: {Warning}")]
    private static partial void LogWeak(ILogger logger, string warning);
}
