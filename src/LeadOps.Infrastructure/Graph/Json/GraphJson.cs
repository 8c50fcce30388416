using System.Text.Json.Serialization.Metadata;

namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// JSON settings for Graph's wire format: snake_case names, nulls left out, and values read as leniently as Graph sends
/// them: numbers that arrive as strings, and every text (ids, times) or yes/no that arrives as a number, a string or a
/// boolean (<see cref="FlexibleStringConverter"/>, <see cref="FlexibleBooleanConverter"/>), whole numbers that arrive
/// as strings or decimals or not at all readable (<see cref="FlexibleWholeNumberConverter{T}"/>); and objects and lists
/// that arrive in another shape (<see cref="LenientShapes"/>): one odd value never costs the rest of the answer. A comma after
/// a list's last item is read past, as Meta's "Retrieving Leads" guide prints its leads (<c>…["joe@example.com"]},],</c>).
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
            AllowTrailingCommas = true,
            Converters =
            {
                new FlexibleStringConverter(), new FlexibleBooleanConverter(), new FlexibleWholeNumberConverter<int>(),
                new FlexibleWholeNumberConverter<long>(),
            },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LenientShapes.Apply } },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
