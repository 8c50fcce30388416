using System.Net;
using LeadOps.Application.Common;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Queries;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Outgoing;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Stages.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Stages;

/// <summary>
/// Two changes at the same moment: two moves of one lead (one is stored, once: one history row, one Conversions API
/// event, one outgoing webhook; the other is told where the lead went and changes nothing), a move from a page that
/// shows an old stage, and two first changes of a user's stages (a clear "try again", nothing half stored). The other
/// change commits between the use case's read and its save (<see cref="StageRepositoryHooks"/>), every time.
/// </summary>
public sealed class StageRaceTests(DatabaseKind database) : AppFixture(database)
{
    private StageRepositoryHooks Hooks => App.Services.GetRequiredService<StageRepositoryHooks>();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 1 })
        .WithSetting("Conversions:WorkerEnabled", "false")
        .WithSetting("OutgoingWebhooks:WorkerEnabled", "false")
        .WithServices(StageRepositoryHooks.Install);

    [Test]
    public async Task Of_two_moves_of_one_lead_at_once_one_is_stored_once_and_the_other_is_told_and_changes_nothing()
    {
        var (user, leadId) = await FacebookLeadAsync();
        Result<int>? first = null;
        Hooks.AfterLeadsRead(async () => first = await App.SendAsync(user, new ChangeLeadStage([leadId], "contacted")));

        var second = await App.SendAsync(user, new ChangeLeadStage([leadId], "qualified"));

        Assert.That(Hooks.Ran, Is.True, "the first move committed after the second loaded the lead");
        Assert.That(first?.Value, Is.EqualTo(1));
        Assert.That(second.Status, Is.EqualTo(ResultStatus.Conflict));
        Assert.That(second.Detail, Does.StartWith("This lead was moved to Contacted meanwhile: nothing was changed."));
        await AssertOneMoveStoredAsync(user, leadId, "contacted");
    }

    [Test]
    public async Task A_move_from_a_page_showing_an_old_stage_is_refused_saying_where_the_lead_is_now()
    {
        var (user, leadId) = await FacebookLeadAsync();
        using var browser = await App.SignedInClientAsync(user);
        var page = await browser.GetStringAsync($"/Leads/{leadId}");
        Assert.That(page, Does.Contain("name=\"from\" value=\"new\""), "the page posts the stage it shows");
        Assert.That((await App.SendAsync(user, new ChangeLeadStage([leadId], "contacted"))).Value, Is.EqualTo(1), "moved from another tab");

        var answer = await browser.PostFormAsync($"/Leads/Stage?handler=Move&id={leadId}",
            new Dictionary<string, string> { ["stage"] = "qualified", ["from"] = "new" }, formPage: $"/Leads/{leadId}");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(WebUtility.HtmlDecode(await browser.GetStringAsync($"/Leads/{leadId}")),
            Does.Contain("This lead was moved to Contacted meanwhile: nothing was changed."));
        await AssertOneMoveStoredAsync(user, leadId, "contacted");
    }

    [Test]
    public async Task Saving_a_stage_that_does_not_exist_is_not_found()
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);

        var answer = await browser.PostFormAsync("/Leads/Stages?handler=Save",
            new Dictionary<string, string> { ["key"] = "stage-99", ["name"] = "X" }, formPage: "/Leads/Stages");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await using var scope = App.ScopeFor(user.Id);
        Assert.That(await App.Db(scope).PipelineStages.CountAsync(), Is.Zero, "the defaults are still only read");
    }

    [TestCase(false, TestName = "Two first changes of a user's stages at once: the second is asked to try again, nothing half stored")]
    [TestCase(true, TestName = "Two stages added at once: the second is asked to try again, nothing half stored")]
    public async Task Two_changes_of_the_stages_at_once(bool storedBefore)
    {
        var user = await App.NewUserAsync();
        if (storedBefore)
        {
            Assert.That((await App.SendAsync(user, new SaveStage("lost", "Lost"))).IsSuccess, Is.True);
        }

        Result<string>? first = null;
        Hooks.AfterStagesRead(async () => first = await App.SendAsync(user, new SaveStage(null, "Call back")));

        var second = await App.SendAsync(user, new SaveStage(null, "Won"));

        Assert.That(Hooks.Ran, Is.True);
        Assert.That(first?.Value, Is.EqualTo("stage-6"));
        Assert.That(second.Status, Is.EqualTo(ResultStatus.Conflict));
        Assert.That(second.Detail, Does.Contain("Please try again."));
        await using var scope = App.ScopeFor(user.Id);
        var stored = await App.Db(scope).PipelineStages.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync();
        Assert.That(stored, Is.EqualTo(new[] { "New", "Contacted", "Qualified", "Converted", "Lost", "Call back" }));
    }

    /// <summary>One move stored: the lead in <paramref name="stageKey"/>, one history row, one event for Meta, one outgoing webhook.</summary>
    private async Task AssertOneMoveStoredAsync(TestUser user, long leadId, string stageKey)
    {
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == leadId);
        var moves = await db.LeadStageChanges.Where(c => c.LeadId == leadId && c.FromStageKey != null)
            .Select(c => new { c.FromStageKey, c.ToStageKey }).ToListAsync();
        var events = await db.ConversionEvents.Where(e => e.LeadId == leadId && e.StageKey != "new").Select(e => e.StageKey).ToListAsync();
        var webhooks = await db.Set<OutgoingEvent>().CountAsync(e => e.Name == OutgoingEventNames.LeadStageChanged);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lead.StageKey, Is.EqualTo(stageKey));
            Assert.That(moves, Has.Count.EqualTo(1), "one history row");
            Assert.That(moves.Select(m => (m.FromStageKey, m.ToStageKey)), Is.EqualTo(new[] { ((string?)"new", stageKey) }));
            Assert.That(events, Is.EqualTo(new[] { stageKey }), "one Conversions API event");
            Assert.That(webhooks, Is.EqualTo(1), "one outgoing lead.stage_changed event (fanned out to the endpoints by the worker)");
        }
    }

    /// <summary>A new user's lead retrieved from the sandbox's form (a Facebook lead).</summary>
    private async Task<(TestUser User, long LeadId)> FacebookLeadAsync()
    {
        var user = await App.NewUserAsync();
        // The user's stages are stored already: the two moves race on the lead alone, not on storing the defaults.
        Assert.That((await App.SendAsync(user, new SaveStage("lost", "Lost"))).IsSuccess, Is.True);
        var connected = await App.SendAsync(user, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        var retrieved = await App.SendAsync(user, new RetrieveFacebookLeads(connected.Value!.Id, SandboxSeed.MainServiceFormId));
        Assert.That(retrieved.IsSuccess, Is.True, retrieved.Error);
        return (user, (await App.SendAsync(user, new ListLeads(new LeadFilter(FormId: SandboxSeed.MainServiceFormId)))).Items.Single().Id);
    }
}
