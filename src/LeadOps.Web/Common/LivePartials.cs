namespace LeadOps.Web.Common;

/// <summary>The regions a page's live refresh re-renders (the Inbox list, a thread, the leads list).</summary>
internal static class LivePartials
{
    /// <summary>
    /// The partial <paramref name="name"/> of <paramref name="page"/>, leaving the one-time notices (TempData) for the
    /// page they were written for. A refresh is fetched whenever a change is pushed, often while the browser follows an
    /// action's redirect or in another tab, and a page model with a <c>[TempData]</c> notice would otherwise take it:
    /// the page the action returns to would then say nothing.
    /// </summary>
    public static PartialViewResult LivePartial(this PageModel page, string name)
    {
        page.TempData.Keep();
        return page.Partial(name, page);
    }
}
