using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LeadOps.Web.Common;

/// <summary>
/// Wraps MVC's own binder of every simple value (numbers, booleans, dates, ids, enums) that pages bind from forms, the
/// query or the route: a value that cannot be read as its type, or a date outside <see cref="SaneDates"/>, is recorded
/// in <see cref="BindingFailures"/> so the handler is not run with a default in its place ("maybe" is not false). Text
/// is bound with "\n" line breaks where the browser sent CRLF.
/// </summary>
internal sealed class CheckedValueBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.IsComplexType)
        {
            return null;
        }

        foreach (var provider in providers)
        {
            if (provider != this && provider.GetBinder(context) is { } inner)
            {
                return new CheckedValueBinder(inner);
            }
        }

        return null;
    }

    private sealed class CheckedValueBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            var name = bindingContext.ModelName;
            if (bindingContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
            {
                BindingFailures.Add(bindingContext.HttpContext, name, $"The value '{Shorten(entry.AttemptedValue)}' is not a valid {Describe(bindingContext.ModelType)}.");
            }
            else if (bindingContext.Result.IsModelSet && SaneDates.IsOutOfRange(bindingContext.Result.Model))
            {
                var problem = $"The date must be {SaneDates.Range}.";
                bindingContext.ModelState.TryAddModelError(name, problem);
                bindingContext.Result = ModelBindingResult.Failed();
                BindingFailures.Add(bindingContext.HttpContext, name, problem);
            }
            else if (bindingContext.Result is { IsModelSet: true, Model: string text } && text.Contains("\r\n", StringComparison.Ordinal))
            {
                // Browsers send a text box's line breaks as CRLF, two characters, while its maxlength and counter count
                // one: the text is bound with the line breaks people typed, so it is measured and kept as they saw it.
                bindingContext.Result = ModelBindingResult.Success(text.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
        }

        private static string? Shorten(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value;

        private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(bool) => "yes/no value (true or false)",
            var t when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => "date (yyyy-mm-dd)",
            var t when t == typeof(Guid) => "id",
            var t when t.IsEnum => "choice",
            var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "whole number in range",
            _ => "value",
        };
    }
}
