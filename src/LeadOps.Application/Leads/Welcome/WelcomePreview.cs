namespace LeadOps.Application.Leads.Welcome;

/// <summary>A welcome e-mail as the template renders it: shown as text (never as HTML) on the lead's page.</summary>
public sealed record WelcomePreview(string Subject, string To, string Text);
