using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Queries;
using LeadOps.Domain.Leads;
using LeadOps.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The lead list's search (ADR 0017) on each provider: case and accents do not matter, names, e-mails and phones are
/// found by the start of any of their words, and the search reads the (owner, term) index instead of every lead.
/// </summary>
public sealed class LeadSearchTests(DatabaseKind database) : AppFixture(database)
{
    private TestUser _staff = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _staff = await App.NewUserAsync();
        await StoreAsync(_staff, ("Björn Ångström", "bjorn.a@example.se", "+46 70-123 45 67"), ("BJÖRN Berg", null, null), ("Bjorn Olsen", "olsen@example.no", null),
            ("Ana Núñez", "ana@example.es", "+34 600 11 22 33"), ("Zoë Ng", "zoe@example.test", "0049 30 1234"));
    }

    [TestCase("björn", 3)]
    [TestCase("Björn", 3)]
    [TestCase("BJORN", 3)]
    [TestCase("bjorn", 3)]
    [TestCase("björn ång", 1)]
    [TestCase("ångström", 1)]
    [TestCase("nunez", 1)]
    [TestCase("NÚÑEZ", 1)]
    [TestCase("zoe", 1)]
    [TestCase("bjorn.a@ex", 1)]
    [TestCase("example.es", 1)]
    [TestCase("+46 70 123", 1)]
    [TestCase("46701234567", 1)]
    [TestCase("600 11", 1)]
    [TestCase("1234", 2)]
    [TestCase("+34600", 1)]
    [TestCase("nobody", 0)]
    [TestCase("%", 0)]
    public async Task Search_ignores_case_and_accents_on_names_emails_and_phones(string search, int found)
    {
        var page = await App.SendAsync(_staff, new ListLeads(new LeadFilter(Text: search)));
        var count = await App.SendAsync(_staff, new CountLeads(new LeadFilter(Text: search)));

        Assert.That((page.Items.Count, count), Is.EqualTo((found, found)));
    }

    [Test]
    public async Task Search_finds_only_the_users_own_leads()
    {
        var other = await App.NewUserAsync();
        await StoreAsync(other, ("Björn Other", "other@example.test", null));

        var mine = await App.SendAsync(_staff, new ListLeads(new LeadFilter(Text: "björn")));
        var theirs = await App.SendAsync(other, new ListLeads(new LeadFilter(Text: "björn")));

        Assert.That(mine.Items.Select(l => l.Name), Has.None.EqualTo("Björn Other"));
        Assert.That(theirs.Items.Select(l => l.Name), Is.EqualTo(new[] { "Björn Other" }));
    }

    /// <summary>
    /// The API's keyset paging: each next_cursor continues after the last row given, so following them reads every lead
    /// once, even when all were created in the same instant (the id breaks the tie), and the last page has none.
    /// </summary>
    [Test]
    public async Task Following_next_cursor_over_the_api_reads_every_lead_once()
    {
        using var api = App.ApiClient(_staff);
        var names = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>("/api/leads?page_size=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            names.AddRange(page.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("name").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(names, Is.EquivalentTo(new[] { "Björn Ångström", "BJÖRN Berg", "Bjorn Olsen", "Ana Núñez", "Zoë Ng" }));
    }

    [Test]
    public async Task The_search_reads_the_owner_and_term_index_not_every_lead()
    {
        if (Database != DatabaseKind.Sqlite)
        {
            Assert.Ignore("The plan is read with SQLite's EXPLAIN QUERY PLAN; SQL Server's plan is described in ADR 0017.");
        }

        var many = await App.NewUserAsync();
        await StoreAsync(many, [.. Enumerable.Range(0, 1500).Select(i => ($"Person{i} Family{i % 97}", (string?)$"p{i}@example.test", (string?)null))]);
        await using var scope = App.ScopeFor(many.Id);
        var db = App.Db(scope);
        var prefix = "bjorn";
        var upper = SearchFolding.UpperBound(prefix);
        var ids = db.LeadSearchTerms.Where(t => string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0).Select(t => t.LeadId);
        var sql = db.Leads.Where(l => ids.Contains(l.Id)).OrderByDescending(l => l.CreatedTime).ThenByDescending(l => l.Id).Take(51).Select(l => l.Id).ToQueryString();

        var before = await ExplainAsync(db, sql);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        var analysed = await ExplainAsync(db, sql);

        TestContext.Out.WriteLine(before + "\n--- with statistics ---\n" + analysed);
        const string TermRange = "USING COVERING INDEX IX_LeadSearchTerms_OwnerId_Term_LeadId (OwnerId=? AND Term>? AND Term<?)";
        Assert.That(before, Does.Contain(TermRange).And.Not.Contain("SCAN"), "without statistics: the terms by range, the leads by the owner's covering index, no table read whole");
        Assert.That(analysed, Does.Contain(TermRange).And.Contain("USING INTEGER PRIMARY KEY (rowid=?)").And.Not.Contain("SCAN"), "with statistics: driven by the matching terms, each lead read by its key");
    }

    /// <summary>SQLite's plan for the query EF wrote, its parameters declared as EF declares them.</summary>
    private static async Task<string> ExplainAsync(LeadOpsDbContext db, string sql)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = sql.Split('\n');
        foreach (var declaration in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = declaration[".param set ".Length..].Trim().Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim('\''));
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join('\n', plan);
    }

    private async Task StoreAsync(TestUser owner, params (string Name, string? Email, string? Phone)[] people)
    {
        await using var scope = App.ScopeFor(owner.Id);
        var now = DateTimeOffset.UtcNow;
        var leads = people.Select(p => new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageId = "108240000000001",
            FormId = "206170000000011",
            FullName = p.Name,
            Email = p.Email,
            Phone = p.Phone,
            CreatedTime = now,
            FirstSeenAt = now,
            Source = LeadSource.Webhook,
        }).ToList();
        await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync(leads, CancellationToken.None);
    }
}
