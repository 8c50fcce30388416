namespace LeadOps.Web.Common;

/// <summary>
/// How pages answer a use case, in one place (the pages' side of <see cref="Api.ApiResults"/>): a Result that found
/// nothing is 404, since another user's row and no row look the same; a command whose validator refuses a form's input
/// puts its failures into ModelState, beside the form's fields, and the page shows the form again.
/// </summary>
internal static class PageResults
{
    /// <summary>404 when the use case found nothing; otherwise the page's own answer to the outcome.</summary>
    public static IActionResult NotFoundOr<T>(this PageModel page, Result<T> result, Func<Result<T>, IActionResult> answer) =>
        result.Status == ResultStatus.NotFound ? page.NotFound() : answer(result);

    /// <inheritdoc cref="NotFoundOr{T}(PageModel, Result{T}, Func{Result{T}, IActionResult})"/>
    public static async Task<IActionResult> NotFoundOrAsync<T>(this PageModel page, Result<T> result, Func<Result<T>, Task<IActionResult>> answer) =>
        result.Status == ResultStatus.NotFound ? page.NotFound() : await answer(result);

    /// <summary>404 when the use case found nothing; otherwise <paramref name="show"/> takes the value and the page is shown.</summary>
    public static IActionResult PageOrNotFound<T>(this PageModel page, Result<T> result, Action<T> show) =>
        page.NotFoundOr(result, found =>
        {
            show(found.Value!);
            return page.Page();
        });

    /// <summary>
    /// Sends a command made from the page's form. When its validator refuses the input, each field's messages go to
    /// ModelState under the key <paramref name="fieldKey"/> gives that field (its own name by default) and the answer is
    /// null: show the form again.
    /// </summary>
    public static Task<TResponse?> SendFormAsync<TResponse>(this PageModel page, ISender sender, ICommand<TResponse> command, CancellationToken ct, Func<string, string>? fieldKey = null)
        where TResponse : class =>
        Refusable(() => sender.Send(command, ct), refused => page.AddRefusal(refused, fieldKey));

    /// <summary>A query made from the page's form: a validator's refusal goes to ModelState as for a command (null answer).</summary>
    public static Task<TResponse?> SendFormAsync<TResponse>(this PageModel page, ISender sender, IQuery<TResponse> query, CancellationToken ct, Func<string, string>? fieldKey = null)
        where TResponse : class =>
        Refusable(() => sender.Send(query, ct), refused => page.AddRefusal(refused, fieldKey));

    /// <summary>A query made from the page's form, with the page deciding how a validator's refusal is shown (null answer).</summary>
    public static Task<TResponse?> SendFormAsync<TResponse>(this PageModel page, ISender sender, IQuery<TResponse> query, Action<ValidationException> showRefusal, CancellationToken ct)
        where TResponse : class =>
        Refusable(() => sender.Send(query, ct), showRefusal);

    /// <summary>As above, for a command.</summary>
    public static Task<TResponse?> SendFormAsync<TResponse>(this PageModel page, ISender sender, ICommand<TResponse> command, Action<ValidationException> showRefusal, CancellationToken ct)
        where TResponse : class =>
        Refusable(() => sender.Send(command, ct), showRefusal);

    /// <summary>Each refused field's messages into ModelState, under the key <paramref name="fieldKey"/> gives it (its own name by default).</summary>
    public static void AddRefusal(this PageModel page, ValidationException refused, Func<string, string>? fieldKey = null)
    {
        foreach (var (field, messages) in refused.Errors)
        {
            page.ModelState.AddModelError(fieldKey?.Invoke(field) ?? field, string.Join(" ", messages));
        }
    }

    private static async Task<TResponse?> Refusable<TResponse>(Func<ValueTask<TResponse>> send, Action<ValidationException> showRefusal)
        where TResponse : class
    {
        try
        {
            return await send();
        }
        catch (ValidationException refused)
        {
            showRefusal(refused);
            return null;
        }
    }
}
