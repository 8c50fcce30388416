namespace LeadOps.GraphSandbox;

/// <summary>What a lead says; generated on demand, so a stored lead needs only its id, form and time.</summary>
internal sealed record LeadContent(IReadOnlyList<FieldData> FieldData, bool IsOrganic, string Platform, AdInfo? Ad);
