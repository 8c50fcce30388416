namespace LeadOps.GraphSandbox;

/// <summary>
/// One choice of a multiple-choice question: <paramref name="Key"/> is what a lead's <c>field_data</c> holds,
/// <paramref name="Value"/> what the person saw and picked.
/// </summary>
internal sealed record FormOption(string Key, string Value);
