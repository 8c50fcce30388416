using System.Globalization;

namespace LeadOps.Domain.Leads;

/// <summary>Why a welcome message is not sent, as the outbox row and the lead's page show it.</summary>
public static class WelcomeSkipReasons
{
    public const string NoEmail = "Skipped (no e-mail)";
    public const string Disabled = "Skipped (disabled)";
    public const string IntegrationDeleted = "Skipped (integration deleted)";
    public const string NotRequested = "Skipped (the retrieval was asked to send none)";
    public const string UnknownTime = "Skipped (submitted at an unknown time)";

    /// <summary>"Skipped (older than 24 h when found)".</summary>
    public static string TooOld(TimeSpan maxAge) => $"Skipped (older than {Describe(maxAge)} when found)";

    /// <summary>"Skipped (no consent: optional_1 not checked)".</summary>
    public static string NoConsent(string key) => $"Skipped (no consent: {key} not checked)";

    /// <summary>An age in the unit people use for it: whole hours as "24 h", else minutes.</summary>
    public static string Describe(TimeSpan age) => age.Ticks % TimeSpan.TicksPerHour == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(long)age.TotalHours} h")
        : string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(age.TotalMinutes)} min");
}
