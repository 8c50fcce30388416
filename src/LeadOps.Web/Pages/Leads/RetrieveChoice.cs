using System.Globalization;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// What the Leads page's retrieve panel asks for. <see cref="Choice"/> is one option of the grouped form list:
/// <c>{integration}:{form}</c> for one form, <c>{integration}:*</c> for every form of that page, so the integration
/// always follows from the form; the server still checks that the form belongs to it. The older separate fields
/// (<see cref="IntegrationId"/>, <see cref="FormId"/>) are still read when no choice is posted.
/// </summary>
public class RetrieveChoice
{
    public const string AllFormsMark = "*";

    public string? Choice { get; set; }

    public int IntegrationId { get; set; }

    public string? FormId { get; set; }

    public bool AllForms { get; set; }

    public DateOnly? Since { get; set; }

    public DateOnly? Until { get; set; }

    /// <summary><see cref="Pages.Leads.IndexModel.SendWelcomes"/>, <see cref="Pages.Leads.IndexModel.SendNone"/>, or empty: ask first.</summary>
    public string? Welcome { get; set; }

    public static string ValueOf(int integrationId, string formId) => $"{integrationId.ToString(CultureInfo.InvariantCulture)}:{formId}";

    /// <summary>Reads <see cref="Choice"/> into the integration and the form (or every form).</summary>
    public void ApplyChoice()
    {
        if (Choice?.Split(':', 2) is [var integration, var form] && int.TryParse(integration, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            IntegrationId = id;
            AllForms = form == AllFormsMark;
            FormId = AllForms ? null : form;
        }
    }

    /// <summary>Dates picked on the page are whole days in UTC; "until" includes its day (the bound is the next midnight).</summary>
    public (DateTimeOffset? Since, DateTimeOffset? Until) Bounds() => (Utc(Since), Utc(Until?.AddDays(1)));

    /// <summary>The query string that shows the panel again with this choice (and the preview when asked).</summary>
    public object RouteValues(bool preview) => new
    {
        retrieve = AllForms ? ValueOf(IntegrationId, AllFormsMark) : ValueOf(IntegrationId, FormId ?? string.Empty),
        retrieve_since = Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        retrieve_until = Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        preview = preview ? "1" : null,
    };

    /// <summary>The choice a redirect carried, or null when the GET did not come from a retrieval.</summary>
    public static IndexModel.RetrieveInput? FromQuery(IQueryCollection query)
    {
        if (query["retrieve"].ToString() is not { Length: > 0 } choice)
        {
            return null;
        }

        var input = new IndexModel.RetrieveInput { Choice = choice, Since = Date(query["retrieve_since"]), Until = Date(query["retrieve_until"]) };
        input.ApplyChoice();
        return input;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateTimeOffset? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
