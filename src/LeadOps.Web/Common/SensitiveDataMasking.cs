using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace LeadOps.Web.Common;

/// <summary>
/// Last line of defence for logs: masks properties whose names say they hold secrets, and string values that look
/// like e-mail addresses, phone numbers or access tokens, wherever they appear in an event (nested values too).
/// Code should log ids and counts in the first place; this catches what slips through.
/// </summary>
internal sealed partial class SensitiveDataMasking : ILogEventEnricher
{
    private const string Mask = "***";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = MaskValue(name, value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    internal static bool IsSensitiveName(string name) => SensitiveName().IsMatch(name);

    internal static string MaskText(string text)
    {
        var result = Email().Replace(text, m => m.Value[0] + "***@" + m.Groups["domain"].Value);
        result = Phone().Replace(result, Mask);
        return Token().Replace(result, Mask);
    }

    private static LogEventPropertyValue MaskValue(string name, LogEventPropertyValue value)
    {
        if (IsSensitiveName(name))
        {
            return new ScalarValue(Mask);
        }

        switch (value)
        {
            case ScalarValue { Value: string s }:
                var masked = MaskText(s);
                return masked == s ? value : new ScalarValue(masked);
            case StructureValue structure:
                return new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, MaskValue(p.Name, p.Value))), structure.TypeTag);
            case SequenceValue sequence:
                return new SequenceValue(sequence.Elements.Select(e => MaskValue(string.Empty, e)));
            case DictionaryValue dictionary:
                return new DictionaryValue(dictionary.Elements.Select(kv =>
                    new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, MaskValue(kv.Key.Value?.ToString() ?? string.Empty, kv.Value))));
            default:
                return value;
        }
    }

    [GeneratedRegex("token|secret|password|passwd|api_?key|authorization|cookie|email|e_mail|phone", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveName();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\+\d[\d\s\-().]{6,}\d|\(?\d{2,4}\)?[\s\-.]\d{3,4}[\s\-.]\d{3,4}", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\bEAA[A-Za-z0-9]{10,}|\blo_[0-9a-f]{8}_[A-Za-z0-9_\-]{20,}|\bBearer\s+\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
