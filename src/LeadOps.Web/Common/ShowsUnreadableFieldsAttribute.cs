namespace LeadOps.Web.Common;

/// <summary>
/// On a page handler: when a value of one of <see cref="Fields"/> (the page's own form fields, by the name they are
/// posted under) cannot be read as its type, the handler still runs and shows its form again, with the problem beside
/// that field and what was typed kept, rather than the page about the request (<see cref="BadInputPageFilter"/>). The
/// handler promises to act only when <c>ModelState.IsValid</c>: a field that could not be read holds its default, never a
/// value to act on. Any other value that cannot be read (ids, buttons, hidden fields) is still refused before any
/// handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ShowsUnreadableFieldsAttribute(params string[] fields) : Attribute
{
    public IReadOnlyList<string> Fields { get; } = fields;
}
