using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LeadOps.Web.Common;

/// <summary>
/// Marks a page handler that re-renders a live region (the Inbox list, a thread, the leads list) for the page's script.
/// Such a request neither reads nor writes the one-time notices (TempData): it is fetched whenever a change is pushed,
/// often while the browser follows an action's redirect or in another tab, and reading would take the notice from the
/// page it was written for, while writing the cookie back could show it again, on whichever page comes next.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LiveRegionAttribute : Attribute;

/// <summary>Notes, before the page's TempData is loaded, that the chosen handler is a <see cref="LiveRegionAttribute"/> one.</summary>
internal sealed class LiveRegionFilter : IPageFilter
{
    private static readonly object Key = new();

    public static bool IsLiveRegion(HttpContext context) => context.Items.ContainsKey(Key);

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        if (context.HandlerMethod?.MethodInfo.IsDefined(typeof(LiveRegionAttribute), inherit: false) == true)
        {
            context.HttpContext.Items[Key] = true;
        }
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

/// <summary>The cookie TempData provider, which a live region's request leaves alone: it loads nothing and saves nothing.</summary>
internal sealed class LiveRegionTempDataProvider(CookieTempDataProvider cookies) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) =>
        LiveRegionFilter.IsLiveRegion(context) ? new Dictionary<string, object>() : cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (!LiveRegionFilter.IsLiveRegion(context))
        {
            cookies.SaveTempData(context, values);
        }
    }
}
