namespace LeadOps.GraphSandbox;

/// <summary>
/// The leads edge's date filter: the created times allowed, in unix seconds, both ends inclusive. Read from the
/// documented <c>filtering</c> parameter, URL-encoded JSON like
/// <c>[{"field":"time_created","operator":"GREATER_THAN","value":1700000000}]</c>.
/// </summary>
internal sealed record LeadTimeFilter(long MinTime, long MaxTime)
{
    public static readonly LeadTimeFilter None = new(long.MinValue, long.MaxValue);

    public static GraphError? Parse(string? raw, out LeadTimeFilter filter)
    {
        filter = None;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var minTime = long.MinValue;
        var maxTime = long.MaxValue;
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return GraphErrors.InvalidParameter("param filtering must be an array.");
            }

            foreach (var condition in document.RootElement.EnumerateArray())
            {
                if (condition.ValueKind != JsonValueKind.Object
                    || !condition.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String
                    || !condition.TryGetProperty("operator", out var op) || op.ValueKind != JsonValueKind.String
                    || !condition.TryGetProperty("value", out var value))
                {
                    return GraphErrors.InvalidParameter("param filtering must be an array of objects with field, operator and value.");
                }

                if (field.GetString() != "time_created")
                {
                    return GraphErrors.InvalidParameter($"Filtering field {field.GetString()} is invalid. Supported: time_created");
                }

                if (UnixSeconds(value) is not { } seconds)
                {
                    return GraphErrors.InvalidParameter("Filtering value for time_created must be a unix timestamp in seconds.");
                }

                switch (op.GetString())
                {
                    case "GREATER_THAN":
                        minTime = Math.Max(minTime, seconds + 1);
                        break;
                    case "GREATER_THAN_OR_EQUAL":
                        minTime = Math.Max(minTime, seconds);
                        break;
                    case "LESS_THAN":
                        maxTime = Math.Min(maxTime, seconds - 1);
                        break;
                    case "LESS_THAN_OR_EQUAL":
                        maxTime = Math.Min(maxTime, seconds);
                        break;
                    default:
                        return GraphErrors.InvalidParameter(
                            $"Filtering operator {op.GetString()} is invalid for time_created. Supported: GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL");
                }
            }
        }
        catch (JsonException)
        {
            return GraphErrors.InvalidParameter("param filtering must be a JSON-encoded array.");
        }

        filter = new LeadTimeFilter(minTime, maxTime);
        return null;
    }

    /// <summary>A number, or a string of digits, of unix seconds.</summary>
    private static long? UnixSeconds(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
