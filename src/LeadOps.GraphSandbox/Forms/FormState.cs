namespace LeadOps.GraphSandbox;

/// <summary>A lead form of a page. Its leads are in the <see cref="LeadStore"/>.</summary>
internal sealed class FormState(SeedForm seed, PageState page, int number, long createdUnix)
{
    public string Id { get; } = seed.Id;

    public string Name { get; } = seed.Name;

    /// <summary>ACTIVE, ARCHIVED, DELETED or DRAFT; null for a form Graph lists without one (it leaves out a field it has no value for).</summary>
    public string? Status { get; } = seed.Status;

    public string Locale { get; } = seed.Locale;

    public FormTemplate Template { get; } = seed.Template;

    public PageState Page { get; } = page;

    /// <summary>The form's place among every page's forms, from 1: orders forms and seeds their leads.</summary>
    public int Number { get; } = number;

    public long CreatedUnix { get; } = createdUnix;

    /// <summary>Where the form stands in a newest-first walk of the page's forms.</summary>
    public PageKey Key => new(CreatedUnix, Number);

    public static PageKey KeyOf(FormState form) => form.Key;
}
