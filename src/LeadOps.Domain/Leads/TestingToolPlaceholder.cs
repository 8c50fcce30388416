namespace LeadOps.Domain.Leads;

/// <summary>
/// What Meta's Lead Ads Testing Tool ("Create lead") puts in every answer but the e-mail: "&lt;test lead: dummy data for
/// FULL_NAME&gt;" (the e-mail is test@fb.com or test@meta.com). It is kept as Meta sent it, but it names nobody: no first
/// name is read from it and no welcome greets or addresses anyone by it.
/// </summary>
public static class TestingToolPlaceholder
{
    private const string Words = "test lead: dummy data for";

    public static bool IsOne(string? value) =>
        value is not null && value.AsSpan().Trim().TrimStart('<').StartsWith(Words, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value, or null when it is a placeholder.</summary>
    public static string? Unless(string? value) => IsOne(value) ? null : value;
}
