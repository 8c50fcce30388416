namespace LeadOps.GraphSandbox;

/// <summary>One answer of a lead, as in <c>field_data</c>.</summary>
internal sealed record FieldData(string Name, IReadOnlyList<string> Values);
