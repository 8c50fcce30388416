namespace LeadOps.GraphSandbox;

/// <summary>A page node as Graph answers it.</summary>
internal sealed record PageJson(string Id, string Name, string Category, string Link)
{
    public static PageJson Of(PageState page) => new(page.Id, page.Name, page.Category, $"https://www.facebook.com/{page.Id}");
}
