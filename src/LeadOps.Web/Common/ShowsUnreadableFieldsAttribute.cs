namespace LeadOps.Web.Common;

/// <summary>
/// On a page handler: when a value of the page's own form (a <c>[BindProperty]</c> field) cannot be read as its type,
/// the handler still runs and shows its form again, with the problem beside that field and what was typed kept, rather
/// than the page about the request (<see cref="BadInputPageFilter"/>). The handler promises to act only when
/// <c>ModelState.IsValid</c>: a field that could not be read holds its default, never a value to act on. Handler
/// parameters (ids, buttons) that cannot be read are still refused before any handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ShowsUnreadableFieldsAttribute : Attribute;
