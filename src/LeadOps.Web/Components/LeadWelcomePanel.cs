using LeadOps.Application.Leads.Welcome;
using LeadOps.Infrastructure.Welcome;

namespace LeadOps.Web.Components;

/// <summary>What the welcome panel shows: the message, its stored copy (previewed as text, and downloadable), a notice and where Retry returns to.</summary>
public sealed record LeadWelcomePanel(LeadWelcomeView Welcome, StoredWelcomeCopy? StoredCopy, string? Notice, string ReturnUrl)
{
    public bool HasStoredCopy => StoredCopy is not null;

    /// <summary>Without a stored copy (an SMTP server took the message): the message as the template renders it.</summary>
    public StoredWelcomeCopy? Rendered { get; init; }

    /// <summary>What the preview shows: the stored copy, or else the rendered message.</summary>
    public StoredWelcomeCopy? Preview => StoredCopy ?? Rendered;
}
