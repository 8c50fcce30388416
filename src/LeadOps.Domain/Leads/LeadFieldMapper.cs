namespace LeadOps.Domain.Leads;

/// <summary>Reads the standard questions out of a lead's answers; every answer is kept as well.</summary>
public static class LeadFieldMapper
{
    public static void Apply(Lead lead, IReadOnlyList<LeadAnswer> answers)
    {
        string? First(params string[] keys) =>
            answers.Where(a => keys.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
                .SelectMany(a => a.Values)
                .Select(v => v.Trim())
                .FirstOrDefault(v => v.Length > 0);

        lead.FirstName = First("first_name");
        lead.LastName = First("last_name");
        lead.FullName = First("full_name") ?? Join(lead.FirstName, lead.LastName);
        lead.Email = First("email", "work_email");
        lead.Phone = First("phone_number", "phone", "work_phone_number");

        // A Lead Ads Testing Tool placeholder stays the lead's name as Meta sent it, but is no first or last name.
        lead.FirstName = TestingToolPlaceholder.Unless(lead.FirstName);
        lead.LastName = TestingToolPlaceholder.Unless(lead.LastName);
        if (lead.FirstName is null && TestingToolPlaceholder.Unless(lead.FullName) is { } full)
        {
            lead.FirstName = full.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        }
    }

    private static string? Join(string? first, string? last) =>
        (first, last) switch
        {
            (null, null) => null,
            (not null, null) => first,
            (null, not null) => last,
            _ => $"{first} {last}",
        };
}
