using System.Text;
using LeadOps.Domain.Leads;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>Staff filter the lead list, export it from the page, and open the file the browser downloaded.</summary>
[Category(TestCategories.Slow)]
public sealed class LeadExportTests
{
    private const string ExportedForm = "206170000000911";
    private const string OtherForm = "206170000000912";
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite));
        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var db = _app.App.Db(scope);
        var now = DateTimeOffset.UtcNow;
        db.Leads.AddRange(
            Lead("9000000000001", ExportedForm, "Joana Gonçalves Araújo", "joana@example.test", now.AddHours(-1)),
            Lead("9000000000002", ExportedForm, "=HYPERLINK(\"http://evil.test\")", "formula@example.test", now.AddHours(-2)),
            Lead("9000000000003", OtherForm, "Not Exported", "other@example.test", now.AddHours(-3)));
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task The_filtered_list_downloads_as_UTF8_CSV_with_a_BOM_and_opens_with_its_accents()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads?form_id={ExportedForm}");
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=export-csv]").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.That(download.SuggestedFilename, Does.StartWith("leads-").And.EndWith(".csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte order mark");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(3), "the header and the two leads of the filtered form, not the other form's");
            Assert.That(lines[0], Does.StartWith("id,facebook_lead_id,created_time,first_seen_at,source,welcome_status,"));
            Assert.That(lines[0], Does.Contain(",consents,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,is_organic,platform,partner_name"));
            Assert.That(lines[1], Does.Contain(",Joana Gonçalves Araújo,joana@example.test,"));
            Assert.That(lines[1], Does.Contain("optional_1: yes"));
            Assert.That(lines[1], Does.Contain("Café com leite"));
            Assert.That(lines[2], Does.Contain(",\"'=HYPERLINK(\"\"http://evil.test\"\")\",").Or.Contain(",'=HYPERLINK("), "a formula is written as text");
            Assert.That(string.Join("\n", lines), Does.Not.Contain("Not Exported"));
        });
    }

    private static Lead Lead(string facebookLeadId, string formId, string name, string email, DateTimeOffset created) => new()
    {
        OwnerId = TestApp.AdminUserId,
        FacebookLeadId = facebookLeadId,
        PageId = "108240000000001",
        FormId = formId,
        FormName = "Exported form",
        FullName = name,
        Email = email,
        CreatedTime = created,
        FirstSeenAt = created,
        Source = LeadSource.Webhook,
        AnswersJson = "[{\"name\":\"favourite_drink\",\"values\":[\"Café com leite\"]}]",
        ConsentsJson = "[{\"key\":\"optional_1\",\"checked\":true}]",
        AdName = "Promoção de verão",
    };
}
