using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace LeadOps.Application.Leads.Export;

/// <summary>
/// Writes leads as CSV: UTF-8 with a byte order mark (spreadsheets then read accents), one header row, one row per lead
/// flushed as it comes. With the form's questions, one column per question (its label, the option text a person
/// picked); without, one <c>answers</c> column. A cell that a spreadsheet would run as a formula (starting with
/// <c>= + - @</c>, a tab or a carriage return) is prefixed with <c>'</c> (CsvHelper's injection escape).
/// </summary>
public sealed class LeadCsvWriter
{
    public static readonly IReadOnlyList<string> FixedColumns =
    [
        "id", "facebook_lead_id", "created_time", "first_seen_at", "source", "welcome_status", "integration_id", "page_id",
        "form_id", "form_name", "full_name", "email", "phone",
    ];

    public static readonly IReadOnlyList<string> AttributionColumns =
        ["ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name", "is_organic", "platform", "partner_name"];

    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly IReadOnlyList<LeadFormQuestion> _questions;
    private readonly Dictionary<string, LeadFormQuestion> _byKey;

    /// <param name="questions">The one form's questions (a column each), or empty for the <c>answers</c> column.</param>
    public LeadCsvWriter(IReadOnlyList<LeadFormQuestion> questions)
    {
        _questions = [.. questions.DistinctBy(q => q.Key, StringComparer.Ordinal)];
        _byKey = _questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
    }

    /// <summary>Writes the header and every row to <paramref name="output"/>; returns how many leads were written.</summary>
    public async Task<int> WriteAsync(IAsyncEnumerable<LeadExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader([.. Header()]);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteRow(csv, row);

            // Written out whenever the writer's buffer is mostly full: the response grows as the rows are read.
            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private IEnumerable<string> Header() =>
        _questions.Count == 0
            ? [.. FixedColumns, "answers", "consents", .. AttributionColumns]
            : [.. FixedColumns, .. _questions.Select(q => q.Label), "other_answers", "consents", .. AttributionColumns];

    private void WriteRow(CsvWriter csv, LeadExportRow r)
    {
        string?[] fixedCells =
        [
            r.Id.ToString(CultureInfo.InvariantCulture), r.FacebookLeadId, Time(r.CreatedTime), Time(r.FirstSeenAt), Snake(r.Source.ToString()),
            Snake(r.WelcomeStatus.ToString()), r.IntegrationId?.ToString(CultureInfo.InvariantCulture), r.PageId, r.FormId, r.FormName, r.FullName, r.Email, r.Phone,
        ];
        foreach (var cell in fixedCells)
        {
            csv.WriteField(cell ?? string.Empty);
        }

        var answers = Read<List<LeadAnswer>>(r.AnswersJson) ?? [];
        if (_questions.Count == 0)
        {
            csv.WriteField(Join(answers));
        }
        else
        {
            // field_data may send a name more than once (as the leads API keeps it): every answer of the question, in
            // field_data order, each its values joined by ", ", the answers by "; " (an empty one adds nothing).
            var byKey = answers.ToLookup(a => a.Name, StringComparer.Ordinal);
            foreach (var question in _questions)
            {
                csv.WriteField(string.Join("; ", byKey[question.Key].Where(a => a.Values is { Count: > 0 }).Select(a => string.Join(", ", a.Values.Select(v => Option(question, v))))));
            }

            csv.WriteField(Join(answers.Where(a => !_byKey.ContainsKey(a.Name))));
        }

        var consents = Read<List<LeadConsent>>(r.ConsentsJson) ?? [];
        csv.WriteField(string.Join("; ", consents.Select(c => $"{c.Key}: {(c.Checked ? "yes" : "no")}")));
        var ad = r.Attribution;
        string?[] attribution =
        [
            ad.AdId, ad.AdName, ad.AdsetId, ad.AdsetName, ad.CampaignId, ad.CampaignName,
            ad.IsOrganic is { } organic ? (organic ? "true" : "false") : null, ad.Platform, r.PartnerName,
        ];
        foreach (var cell in attribution)
        {
            csv.WriteField(cell ?? string.Empty);
        }
    }

    private static string Option(LeadFormQuestion question, string value) =>
        question.Options.FirstOrDefault(o => o.Key == value)?.Value ?? value;

    private static string Join(IEnumerable<LeadAnswer> answers) =>
        string.Join("; ", answers.Select(a => $"{a.Name}: {string.Join(", ", a.Values)}"));

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static T? Read<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
