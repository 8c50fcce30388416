using Serilog.Core;
using Serilog.Events;

namespace LeadOps.Web.Common;

/// <summary>Passes events on with the exception replaced by its type, masked message and failing method.</summary>
internal sealed class StackTraceFreeSink(ILogEventSink inner) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Exception is not { } exception)
        {
            inner.Emit(logEvent);
            return;
        }

        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)).ToList();
        properties.Add(new LogEventProperty("ExceptionType", new ScalarValue(exception.GetType().FullName)));
        properties.Add(new LogEventProperty("ExceptionMessage", new ScalarValue(SensitiveDataMasking.MaskText(exception.Message))));
        properties.Add(new LogEventProperty("ExceptionSite", new ScalarValue(exception.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : null)));
        var template = new Serilog.Parsing.MessageTemplateParser().Parse(logEvent.MessageTemplate.Text + " [{ExceptionType}: {ExceptionMessage} at {ExceptionSite}]");
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, null, template, properties));
    }
}
