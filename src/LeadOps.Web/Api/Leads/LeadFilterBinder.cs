using System.Globalization;
using LeadOps.Domain.Leads;

namespace LeadOps.Web.Api.Leads;

/// <summary>Reads the lead list filters from a query string (API and page share it); a bad value is a clear error.</summary>
internal static class LeadFilterBinder
{
    public const int MaxSearchLength = 200;

    public static bool TryBind(IQueryCollection query, out LeadFilter filter, out string? error)
    {
        filter = new LeadFilter();
        error = null;
        LeadSource? source = null;
        if (query["source"].ToString() is { Length: > 0 } s)
        {
            if (!WireJson.TryParse<LeadSource>(s, out var parsedSource))
            {
                error = "source must be webhook, manual_retrieval or scheduled_retrieval.";
                return false;
            }

            source = parsedSource;
        }

        WelcomeStatus? welcome = null;
        if (query["welcome_status"].ToString() is { Length: > 0 } w)
        {
            if (!Enum.TryParse<WelcomeStatus>(w, ignoreCase: true, out var parsed) || int.TryParse(w, out _))
            {
                error = "welcome_status must be pending, sent, failed or skipped.";
                return false;
            }

            welcome = parsed;
        }

        if (!TryDate(query["since"], SaneDates.Contains, out var since) || !TryDate(query["until"], SaneDates.ContainsBound, out var until))
        {
            error = $"since and until must be ISO-8601 dates {SaneDates.Range}, e.g. 2026-11-20 or 2026-11-20T10:15:00Z.";
            return false;
        }

        int? integrationId = null;
        if (query["integration_id"].ToString() is { Length: > 0 } i)
        {
            if (!int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedId))
            {
                error = "integration_id must be a number.";
                return false;
            }

            integrationId = parsedId;
        }

        if (since > until)
        {
            error = "until must not be before since.";
            return false;
        }

        var text = query["q"].ToString();
        if (text.Length > MaxSearchLength)
        {
            error = $"The search text can have at most {MaxSearchLength} characters.";
            return false;
        }

        filter = new LeadFilter(NullIfEmpty(query["form_id"]), source, since, until, text.Length > 0 ? text : null, welcome, integrationId);
        var stage = query["stage"].ToString();
        if (stage.Length > Domain.Leads.Stages.PipelineStage.KeyLength)
        {
            error = "stage must be the key of one of your stages.";
            return false;
        }

        filter = filter with { Stage = stage.Length > 0 ? stage : null };
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A date or instant, or nothing; <paramref name="sane"/> says which instants the parameter takes (until, an exclusive bound, may be the end of the range).</summary>
    private static bool TryDate(string? value, Func<DateTimeOffset, bool> sane, out DateTimeOffset? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) && sane(parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
