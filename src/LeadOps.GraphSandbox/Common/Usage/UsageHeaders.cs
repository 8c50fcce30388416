using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Graph's rate-limit headers: <c>X-App-Usage</c> on every answer; on page-scoped calls <c>X-Business-Use-Case-Usage</c>
/// (and <c>X-Page-Usage</c> when asked for). A throttle reads 100 % at its level.
/// </summary>
internal static class UsageHeaders
{
    public static void Write(IHeaderDictionary headers, UsageSnapshot usage, ThrottleInfo? throttle, bool sendPageUsage)
    {
        headers["X-App-Usage"] = CallCounts(throttle is { AppLevel: true } ? 100 : usage.AppPercent).ToJsonString();
        if (usage.PageId is null)
        {
            return;
        }

        headers["X-Business-Use-Case-Usage"] = BusinessUseCase(usage, throttle);
        if (sendPageUsage)
        {
            headers["X-Page-Usage"] = CallCounts(throttle is { AppLevel: false } ? 100 : usage.PageTotalPercent).ToJsonString();
        }
    }

    /// <summary>The shape X-App-Usage and X-Page-Usage share, and that each use case of X-Business-Use-Case-Usage starts with.</summary>
    private static JsonObject CallCounts(int percent) => new()
    {
        ["call_count"] = percent,
        ["total_cputime"] = percent / 2,
        ["total_time"] = percent * 3 / 4,
    };

    private static string BusinessUseCase(UsageSnapshot usage, ThrottleInfo? throttle)
    {
        var entry = CallCounts(throttle is null ? usage.PagePercent : 100);
        entry.Insert(0, "type", throttle?.UseCase ?? usage.UseCase);
        entry["estimated_time_to_regain_access"] = throttle?.EstimatedMinutes ?? 0;
        return new JsonObject { [usage.PageId!] = new JsonArray(entry) }.ToJsonString();
    }
}
