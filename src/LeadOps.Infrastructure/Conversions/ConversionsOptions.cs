using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Infrastructure.Conversions;

/// <summary>
/// Section <c>Conversions</c>: the outbox worker that sends stage entries to Meta's Conversions API for CRM. Each
/// attempt has the Graph client's own retries; the claim must outlast a send (<c>Facebook:Resilience:TotalTimeout</c>).
/// </summary>
public sealed class ConversionsOptions() : OutboxOptions(SectionName, ConversionsRetryPolicy.Default.MaxAttempts, ConversionsRetryPolicy.Default.FirstDelay, ConversionsRetryPolicy.Default.MaxDelay)
{
    public const string SectionName = "Conversions";

    internal ConversionsRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);
}
