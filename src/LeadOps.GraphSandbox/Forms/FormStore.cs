namespace LeadOps.GraphSandbox;

/// <summary>The lead forms of every page, by id. Locks the state's one lock.</summary>
internal sealed class FormStore(Lock gate) : SeededStore<FormState>(gate, "form", f => f.Id, f => f.Number)
{
    /// <summary>A page's forms, in seed order (two ACTIVE, then one ARCHIVED).</summary>
    public IReadOnlyList<FormState> Of(PageState page)
    {
        lock (Gate)
        {
            return [.. OfPage(page).OrderBy(f => f.Number)];
        }
    }

    /// <summary>One page of the <c>leadgen_forms</c> edge, newest first.</summary>
    public KeysetPage<FormState> Query(PageState page, PageRequest request)
    {
        lock (Gate)
        {
            var sorted = OfPage(page).OrderBy(FormState.KeyOf).ToList();
            return KeysetPager.Page(sorted, FormState.KeyOf, long.MinValue, long.MaxValue, request);
        }
    }

    /// <summary>Replaces the forms with the seeded forms of <paramref name="pages"/>, created relative to <paramref name="now"/>.</summary>
    public void Seed(IEnumerable<PageState> pages, DateTimeOffset now)
    {
        var forms = new List<FormState>();
        foreach (var page in pages)
        {
            foreach (var seed in page.Seed.Forms)
            {
                forms.Add(new FormState(seed, page, forms.Count + 1, (now - seed.Age).ToUnixTimeSeconds()));
            }
        }

        Replace(forms);
    }

    /// <summary>
    /// A new form on the page, created now with the test-ride questions (or <paramref name="template"/>'s): what a page's
    /// staff do in Ads Manager.
    /// </summary>
    public FormState Create(PageState page, string name, string? status, DateTimeOffset now, FormTemplate? template = null)
    {
        lock (Gate)
        {
            var number = Items.Count() + 1;
            var id = string.Create(CultureInfo.InvariantCulture, $"2061799{page.Number:D2}{number:D6}");
            var form = new FormState(new SeedForm(id, name, status, "en_US", template ?? FormTemplates.TestRide, TimeSpan.Zero), page, number, now.ToUnixTimeSeconds());
            Add(form);
            return form;
        }
    }

    private IEnumerable<FormState> OfPage(PageState page) => Items.Where(f => f.Page == page);
}
