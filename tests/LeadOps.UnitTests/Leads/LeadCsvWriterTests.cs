using System.Text;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Export;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;

namespace LeadOps.UnitTests.Leads;

public sealed class LeadCsvWriterTests
{
    [Test]
    public async Task With_the_forms_questions_each_question_is_a_column_named_by_its_label_with_the_picked_option_text()
    {
        LeadFormQuestion[] questions =
        [
            new("bike_size", "Which bike size?", [new LeadFormOption("m", "Médio"), new LeadFormOption("l", "Large")]),
            new("when", "When can you come?", []),
        ];
        var csv = await WriteAsync(questions, Row(answers: "[{\"name\":\"bike_size\",\"values\":[\"m\"]},{\"name\":\"extra\",\"values\":[\"x\"]}]"));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Contain(",phone,Which bike size?,When can you come?,other_answers,consents,ad_id,"));
            Assert.That(lines[1], Does.Contain(",Médio,,extra: x,"));
        });
    }

    [Test]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_prefixed_with_a_quote()
    {
        var csv = await WriteAsync([], Row(name: "=1+2", email: "@SUM(A1)", phone: "+351912345678", adName: "-2+3"));

        var row = csv.Split("\r\n")[1];
        Assert.Multiple(() =>
        {
            Assert.That(row, Does.Contain("'=1+2"));
            Assert.That(row, Does.Contain("'@SUM(A1)"));
            Assert.That(row, Does.Contain("'+351912345678"));
            Assert.That(row, Does.Contain("'-2+3"));
        });
    }

    [Test]
    public async Task The_file_starts_with_a_UTF8_byte_order_mark()
    {
        using var output = new MemoryStream();
        await new LeadCsvWriter([]).WriteAsync(Rows(Row(name: "Zoë")), output, CancellationToken.None);

        Assert.That(output.ToArray().Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    private static async Task<string> WriteAsync(IReadOnlyList<LeadFormQuestion> questions, LeadExportRow row)
    {
        using var output = new MemoryStream();
        var count = await new LeadCsvWriter(questions).WriteAsync(Rows(row), output, CancellationToken.None);
        Assert.That(count, Is.EqualTo(1));
        return new UTF8Encoding(false).GetString(output.ToArray()).TrimStart('\uFEFF');
    }

    private static async IAsyncEnumerable<LeadExportRow> Rows(params LeadExportRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static LeadExportRow Row(string name = "Ana", string email = "ana@example.test", string phone = "912", string adName = "Spring", string answers = "[]") => new(
        1, "123", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, LeadSource.Webhook, WelcomeStatus.Sent, 1, "p", "f", "Form", name, email, phone,
        new LeadAttribution(null, adName, null, null, null, null, null, null), null, answers, "[]");
}
