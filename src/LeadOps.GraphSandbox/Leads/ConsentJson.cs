namespace LeadOps.GraphSandbox;

/// <summary>
/// One answer of a lead's <c>custom_disclaimer_responses</c>: a consent check box and whether it was ticked. Meta sends
/// <c>is_checked</c> as the string "1" or "0"; the sandbox can send it as a JSON boolean too.
/// </summary>
internal sealed record ConsentJson(string CheckboxKey, object IsChecked);
