using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LeadOps.Infrastructure.Graph;

/// <summary>Graph instruments on the "LeadOps" meter.</summary>
internal sealed class GraphMetrics
{
    public const string MeterName = LeadMetrics.MeterName;

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _pacingDelay;
    private readonly Gauge<double> _appUsage;
    private readonly Gauge<double> _pageUsage;
    private readonly Gauge<double> _businessUsage;

    public GraphMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("graph.calls", "{call}", "Graph HTTP attempts, by operation and outcome.");
        _duration = meter.CreateHistogram<double>("graph.call_duration", "ms", "Duration of one Graph HTTP attempt.");
        _pacingDelay = meter.CreateHistogram<double>("graph.pacing_delay", "ms", "Delay added before a Graph call because usage was high.");
        _appUsage = meter.CreateGauge<double>("graph.app_usage_percent", "%", "X-App-Usage: percent of the app's hourly budget.");
        _pageUsage = meter.CreateGauge<double>("graph.page_usage_percent", "%", "X-Page-Usage: percent of a page's budget.");
        _businessUsage = meter.CreateGauge<double>("graph.business_use_case_usage_percent", "%", "X-Business-Use-Case-Usage: percent of a business use case budget.");
    }

    public void RecordAttempt(string operation, int? httpStatus, GraphFailureKind? failure, int attempt, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "operation", operation },
            { "http.response.status_code", httpStatus },
            { "outcome", failure?.ToString() ?? (httpStatus is null ? "NoResponse" : "Success") },
            { "attempt", attempt },
        };
        _calls.Add(1, tags);
        _duration.Record(duration.TotalMilliseconds, new TagList { { "operation", operation } });
    }

    public void RecordPacingDelay(TimeSpan delay) => _pacingDelay.Record(delay.TotalMilliseconds);

    public void RecordUsage(string pageKey, GraphUsage usage)
    {
        if (usage.App is { } app)
        {
            Counters(_appUsage, app, default);
        }

        if (usage.Page is { } page)
        {
            Counters(_pageUsage, page, new KeyValuePair<string, object?>("page.id", pageKey));
        }

        foreach (var useCase in usage.BusinessUseCases)
        {
            var owner = new KeyValuePair<string, object?>("business.id", useCase.Id);
            var type = new KeyValuePair<string, object?>("usage.type", useCase.Type);
            Record(_businessUsage, useCase.CallCount, "call_count", owner, type);
            Record(_businessUsage, useCase.TotalTime, "total_time", owner, type);
            Record(_businessUsage, useCase.TotalCpuTime, "total_cputime", owner, type);
        }
    }

    private static void Counters(Gauge<double> gauge, GraphUsageCounters counters, KeyValuePair<string, object?> owner)
    {
        Record(gauge, counters.CallCount, "call_count", owner, default);
        Record(gauge, counters.TotalTime, "total_time", owner, default);
        Record(gauge, counters.TotalCpuTime, "total_cputime", owner, default);
    }

    private static void Record(Gauge<double> gauge, double? value, string metric, KeyValuePair<string, object?> tag1, KeyValuePair<string, object?> tag2)
    {
        if (value is not { } v)
        {
            return;
        }

        var tags = new TagList { { "usage.metric", metric } };
        if (tag1.Key is not null)
        {
            tags.Add(tag1);
        }

        if (tag2.Key is not null)
        {
            tags.Add(tag2);
        }

        gauge.Record(v, tags);
    }
}
