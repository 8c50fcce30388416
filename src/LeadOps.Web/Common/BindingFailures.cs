namespace LeadOps.Web.Common;

/// <summary>
/// The form and query values of this request that could not be read as their type (or were dates out of range): the
/// page's handler never runs with a default in their place (<see cref="BadInputPageFilter"/>).
/// </summary>
internal static class BindingFailures
{
    private static readonly object Key = new();

    /// <summary>Records that the value under <paramref name="key"/> could not be used, and why (a sentence).</summary>
    public static void Add(HttpContext context, string key, string problem)
    {
        if (context.Items[Key] is not List<BindingFailure> list)
        {
            context.Items[Key] = list = [];
        }

        list.Add(new BindingFailure(key, problem));
    }

    public static IReadOnlyList<BindingFailure> Of(HttpContext context) => context.Items[Key] as List<BindingFailure> ?? [];
}

/// <summary>One value that could not be used: the name it was posted under, and the problem in a sentence.</summary>
internal sealed record BindingFailure(string Key, string Problem)
{
    /// <summary>As a page about the request lists it: the name, then the problem.</summary>
    public override string ToString() => $"{Key}: {char.ToLowerInvariant(Problem[0])}{Problem[1..]}";
}
