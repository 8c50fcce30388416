using System.Numerics;

namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads a whole number (an error code, a count, a time in unix seconds) Graph may send as a number (<c>190</c>,
/// <c>190.0</c>) or a string (<c>"190"</c>); anything else (<c>""</c>, a fraction, a value out of range, an object) reads
/// as null, so one odd number never costs the rest of the answer.
/// </summary>
internal sealed class FlexibleWholeNumberConverter<T> : FlexibleValueConverter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    protected override T? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt64(out var whole) ? Fit(whole) : reader.TryGetDouble(out var number) ? Whole(number) : null,
        JsonTokenType.String => reader.GetString() is var text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedWhole)
            ? Fit(parsedWhole)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Whole(parsed) : null,
        _ => null,
    };

    protected override void WriteValue(Utf8JsonWriter writer, T value) => writer.WriteNumberValue(long.CreateTruncating(value));

    private static T? Fit(long value) =>
        value >= long.CreateTruncating(T.MinValue) && value <= long.CreateTruncating(T.MaxValue) ? T.CreateTruncating(value) : null;

    private static T? Whole(double number) =>
        double.IsFinite(number) && number == Math.Floor(number) && number >= double.CreateTruncating(T.MinValue) && number < double.CreateTruncating(T.MaxValue)
            ? T.CreateTruncating(number)
            : null;
}
