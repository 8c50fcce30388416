using Polly.Telemetry;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The Graph pipeline has one instance per page (so one page's open circuit does not touch the others), and Polly names
/// that instance in every metric's <c>pipeline.instance</c> label. Metrics must not show whose pages LeadOps talks to:
/// the label is removed (logs and traces keep the page for diagnosis).
/// </summary>
internal sealed class PageFreeMeteringEnricher : MeteringEnricher
{
    public const string InstanceTag = "pipeline.instance";

    public override void Enrich<TResult, TArgs>(in EnrichmentContext<TResult, TArgs> context)
    {
        for (var i = context.Tags.Count - 1; i >= 0; i--)
        {
            if (context.Tags[i].Key == InstanceTag)
            {
                context.Tags.RemoveAt(i);
            }
        }
    }
}
