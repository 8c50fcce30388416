using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LeadOps.Web.Common;

/// <summary>
/// Pages answer bad input with a 4xx and a message, never with a silently different action: a post whose body is not a
/// form is 415; a value that could not be read as its type (or a date out of range) is 400 listing each, before the
/// handler runs, unless it is a field of a form whose handler shows it again beside the field
/// (<see cref="ShowsUnreadableFieldsAttribute"/>); a form the handler shows again because its input was refused is 400 (the page, with its messages). A
/// post no handler of the page takes (a page that only shows, or an unknown <c>handler</c>) is 405, rather than the
/// page rendered without its model, with the methods the page does take in <c>Allow</c> (RFC 9110 §15.5.6).
/// </summary>
internal sealed class BadInputPageFilter : IAsyncPageFilter
{
    public const string ViewPath = "/Pages/Shared/_BadInput.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (Pages.ErrorModel.ShowsAFailure(context.HttpContext))
        {
            await next(); // the error page, shown in place of another answer: that request's body is not its input
            return;
        }

        var unsafeMethod = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (unsafeMethod && context.HandlerMethod is null)
        {
            context.HttpContext.Response.Headers.Allow = AllowedMethods(context);
            context.Result = Refusal(context, StatusCodes.Status405MethodNotAllowed, ["This page has no form that posts here: reload the page and use its buttons."]);
            return;
        }

        if (unsafeMethod && HasBody(request) && !request.HasFormContentType)
        {
            context.Result = Refusal(context, StatusCodes.Status415UnsupportedMediaType, ["Pages take form posts (application/x-www-form-urlencoded)."]);
            return;
        }

        if (BindingFailures.Of(context.HttpContext) is { Count: > 0 } failures)
        {
            if (!ShownBesideFields(context, failures))
            {
                context.Result = Refusal(context, StatusCodes.Status400BadRequest, [.. failures.Select(f => f.ToString())]);
                return;
            }
        }

        var executed = await next();
        if (unsafeMethod && executed.Result is PageResult { StatusCode: null } page && !context.ModelState.IsValid)
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>
    /// When the handler shows its own form again (<see cref="ShowsUnreadableFieldsAttribute"/>) and every value that could
    /// not be read is one of the fields it names, each field's message replaces MVC's in ModelState (the value typed stays
    /// there, for the field to show) and the handler runs; otherwise the request is refused as a whole.
    /// </summary>
    private static bool ShownBesideFields(PageHandlerExecutingContext context, IReadOnlyList<BindingFailure> failures)
    {
        if (context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(ShowsUnreadableFieldsAttribute), inherit: false) is not [ShowsUnreadableFieldsAttribute shown]
            || !failures.All(f => shown.Fields.Contains(f.Key)))
        {
            return false;
        }

        foreach (var failure in failures)
        {
            context.ModelState[failure.Key]?.Errors.Clear();
            context.ModelState.AddModelError(failure.Key, failure.Problem);
        }

        return true;
    }

    /// <summary>
    /// The methods the page answers at this address, as Razor Pages picks a handler: GET and HEAD always (a page without
    /// a GET handler still shows), and each other method that has a handler of the requested name, or one without a name.
    /// </summary>
    private static string AllowedMethods(PageHandlerExecutingContext context)
    {
        var name = context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } inRoute
            ? inRoute
            : context.HttpContext.Request.Query["handler"].FirstOrDefault();
        var others = context.ActionDescriptor.HandlerMethods
            .Where(h => h.Name is null || string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.HttpMethod.ToUpperInvariant())
            .Where(method => method is not ("GET" or "HEAD"))
            .Distinct()
            .Order(StringComparer.Ordinal);
        return string.Join(", ", ["GET", "HEAD", .. others]);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static ViewResult Refusal(PageHandlerExecutingContext context, int status, IReadOnlyList<string> problems) => new()
    {
        ViewName = ViewPath,
        StatusCode = status,
        ViewData = new ViewDataDictionary<BadInputView>(new EmptyModelMetadataProvider(), context.ModelState) { Model = new BadInputView(problems) },
    };
}
