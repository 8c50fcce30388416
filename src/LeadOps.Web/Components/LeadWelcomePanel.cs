using LeadOps.Application.Leads.Welcome;

namespace LeadOps.Web.Components;

/// <summary>What the welcome panel shows: the message, whether its stored copy can be opened, a notice and where Retry returns to.</summary>
public sealed record LeadWelcomePanel(LeadWelcomeView Welcome, bool HasStoredCopy, string? Notice, string ReturnUrl);
