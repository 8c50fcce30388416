using System.Net.Http.Headers;

namespace LeadOps.Infrastructure.Graph;

/// <summary>Reads Graph's usage headers. A missing or malformed header reads as absent; it never fails a call.</summary>
internal static class GraphUsageParser
{
    public const string AppUsageHeader = "X-App-Usage";
    public const string PageUsageHeader = "X-Page-Usage";
    public const string BusinessUseCaseUsageHeader = "X-Business-Use-Case-Usage";

    public static GraphUsage Parse(HttpResponseHeaders headers) =>
        Parse(First(headers, AppUsageHeader), First(headers, PageUsageHeader), First(headers, BusinessUseCaseUsageHeader));

    public static GraphUsage Parse(string? appUsage, string? pageUsage, string? businessUseCaseUsage)
    {
        var usage = new GraphUsage(ParseCounters(appUsage), ParseCounters(pageUsage), ParseBusinessUseCases(businessUseCaseUsage));
        return usage.IsEmpty ? GraphUsage.Empty : usage;
    }

    public static GraphUsageCounters? ParseCounters(string? json)
    {
        using var document = TryParse(json);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var counters = new GraphUsageCounters(Number(root, "call_count"), Number(root, "total_time"), Number(root, "total_cputime"));
        return counters.MaxPercent is null ? null : counters;
    }

    public static IReadOnlyList<GraphBusinessUseCaseUsage> ParseBusinessUseCases(string? json)
    {
        using var document = TryParse(json);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return [];
        }

        var result = new List<GraphBusinessUseCaseUsage>();
        foreach (var owner in root.EnumerateObject())
        {
            var entries = owner.Value.ValueKind switch
            {
                JsonValueKind.Array => owner.Value.EnumerateArray().ToList(),
                JsonValueKind.Object => [owner.Value],
                _ => [],
            };
            foreach (var entry in entries.Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var minutes = Number(entry, "estimated_time_to_regain_access");
                result.Add(new GraphBusinessUseCaseUsage(
                    owner.Name,
                    entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
                    Number(entry, "call_count"),
                    Number(entry, "total_time"),
                    Number(entry, "total_cputime"),
                    minutes is > 0 and < 100_000 ? TimeSpan.FromMinutes(minutes.Value) : null));
            }
        }

        return result;
    }

    private static JsonDocument? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        double? number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        return number is { } n && double.IsFinite(n) && n >= 0 ? n : null;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
