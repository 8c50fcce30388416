namespace LeadOps.Domain.Leads;

/// <summary>One consent check box of the form's custom disclaimer, by its key, and whether the person ticked it.</summary>
public sealed record LeadConsent(string Key, bool Checked);
