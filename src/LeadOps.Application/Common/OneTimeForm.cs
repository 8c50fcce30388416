namespace LeadOps.Application.Common;

/// <summary>
/// A page form's one-time token (ADR 0018): what the form makes is stored with it, unique per owner, so the same form
/// sent again (a reload without script, a double click, two posts at the same moment) makes nothing and is refused
/// with the form's own words. Without a token (the API) it is simply saved.
/// </summary>
internal static class OneTimeForm
{
    /// <summary>
    /// Saves <paramref name="item"/>: added and saved without a token; with one, refused when <paramref name="find"/>
    /// finds the token used already, or when <paramref name="tryAdd"/> meets the unique index (false: nothing saved).
    /// </summary>
    public static async Task SaveOnceAsync<T>(
        Guid? formToken, T item, Func<Guid, CancellationToken, Task<T?>> find, Action<T> add, Func<T, CancellationToken, Task<bool>> tryAdd,
        IUnitOfWork unitOfWork, (string Field, string Message) sentAlready, CancellationToken cancellationToken)
        where T : class
    {
        if (formToken is not { } token)
        {
            add(item);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        else if (await find(token, cancellationToken) is not null || !await tryAdd(item, cancellationToken))
        {
            throw new ValidationException(sentAlready.Field, sentAlready.Message);
        }
    }
}
