namespace LeadOps.Domain.Leads.Stages;

/// <summary>A note staff wrote on a lead: who and when.</summary>
public sealed class LeadNote : IOwnedByUser
{
    public const int TextLength = 4000;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public long LeadId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string AuthorId { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public static LeadNote Write(long leadId, string text, string authorId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new LeadNote { LeadId = leadId, Text = TextLimit.Cut(text.Trim(), TextLength), AuthorId = authorId, At = at };
    }
}
