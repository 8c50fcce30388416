using LeadOps.Application.Leads.Commands;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.ApplicationTests.Leads;

/// <summary>
/// Welcome only when welcome: a lead that was already old when LeadOps first found it (a backfill, a first sync) is
/// stored with its welcome Skipped and the reason; a fresh one is queued.
/// </summary>
public sealed class WelcomeAgeRuleTests
{
    [Test]
    public async Task A_lead_submitted_two_months_ago_and_found_by_a_first_sync_gets_no_welcome_and_says_why()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        // A window of its own, long before any other test's leads.
        var to = DateTimeOffset.UtcNow.AddDays(-400);
        var from = to.AddMinutes(-5);
        Graph.AddLeads(SandboxSeed.MainServiceFormId, 3, from, to.AddSeconds(-1));

        var result = await SendAsync(staff, new RetrieveFacebookLeads(integrationId, SandboxSeed.MainServiceFormId, from, to));

        Assert.That(result.Value!.NewLeads, Is.EqualTo(3), result.Detail ?? result.Error);
        var rows = await ReadAsync(staff, db => db.OutboxMessages.AsNoTracking().Include(o => o.Lead).ToListAsync());
        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Status), Has.All.EqualTo(OutboxStatus.Skipped));
            Assert.That(rows.Select(r => r.LastError), Has.All.EqualTo("Skipped (older than 24 h when found)"));
            Assert.That(rows.Select(r => r.Lead!.WelcomeStatus), Has.All.EqualTo(WelcomeStatus.Skipped));
        });
    }

    [Test]
    public async Task A_lead_submitted_an_hour_ago_is_queued_for_its_welcome()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var created = DateTimeOffset.UtcNow.AddHours(-1);
        var id = Graph.SubmitLead(SandboxSeed.MainServiceFormId, new SandboxLead { CreatedTime = created });

        var result = await SendAsync(staff, new RetrieveFacebookLeads(integrationId, SandboxSeed.MainServiceFormId, created.AddSeconds(-1), created.AddSeconds(1)));

        Assert.That(result.IsSuccess, Is.True, result.Detail ?? result.Error);
        var row = await ReadAsync(staff, db => db.OutboxMessages.AsNoTracking().Include(o => o.Lead).SingleAsync(o => o.Lead!.FacebookLeadId == id));
        Assert.That(row.Status, Is.EqualTo(OutboxStatus.Pending));
    }
}
