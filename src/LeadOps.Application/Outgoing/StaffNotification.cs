namespace LeadOps.Application.Outgoing;

/// <summary>What a browser notification says, and the page it opens.</summary>
public sealed record StaffNotification(string Title, string Body, string Url);
