namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// JSON settings for Graph's wire format: snake_case names, nulls left out, and values read as leniently as Graph sends
/// them: numbers that arrive as strings, and every text (ids, times) or yes/no that arrives as a number, a string or a
/// boolean (<see cref="FlexibleStringConverter"/>, <see cref="FlexibleBooleanConverter"/>), and whole numbers that arrive
/// as strings or decimals or not at all readable (<see cref="FlexibleInt32Converter"/>).
/// </summary>
internal static class GraphJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Converters = { new FlexibleStringConverter(), new FlexibleBooleanConverter(), new FlexibleInt32Converter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
