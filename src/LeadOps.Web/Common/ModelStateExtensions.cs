using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LeadOps.Web.Common;

internal static class ModelStateExtensions
{
    /// <summary>Shows a command's validation failures next to the form fields they belong to.</summary>
    public static void AddValidationErrors(this ModelStateDictionary modelState, Application.Common.ValidationException exception, string? prefix = null)
    {
        foreach (var (field, messages) in exception.Errors)
        {
            modelState.AddModelError(prefix is null ? field : $"{prefix}.{field}", string.Join(" ", messages));
        }
    }
}
