namespace LeadOps.Application.Leads.Queries;

/// <summary>What a retrieval would do beyond storing: how many welcome e-mails it would send (to leads younger than <paramref name="MaxLeadAge"/>).</summary>
public sealed record RetrievalPreview(int WelcomeEmails, TimeSpan MaxLeadAge);
