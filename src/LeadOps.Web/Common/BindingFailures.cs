namespace LeadOps.Web.Common;

/// <summary>
/// The form and query values of this request that could not be read as their type (or were dates out of range): the
/// page's handler never runs with a default in their place (<see cref="BadInputPageFilter"/>).
/// </summary>
internal static class BindingFailures
{
    private static readonly object Key = new();

    public static void Add(HttpContext context, string message)
    {
        if (context.Items[Key] is not List<string> list)
        {
            context.Items[Key] = list = [];
        }

        list.Add(message);
    }

    public static IReadOnlyList<string> Of(HttpContext context) => context.Items[Key] as List<string> ?? [];
}
