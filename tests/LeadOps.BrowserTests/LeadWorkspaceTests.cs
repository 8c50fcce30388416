using System.Globalization;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Leads;
using LeadOps.Domain.Leads.Stages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// Working leads in the browser: a note on a lead (who wrote it and when, on the lead's page); the user's own stages
/// (renamed, added, reordered) used by the lead page, the list's filter and counts and the bulk move; and the card of
/// another lead of the same person showing that lead's stage as the Leads table does, on a phone (390 px).
/// </summary>
[Category(TestCategories.Slow)]
public sealed class LeadWorkspaceTests
{
    /// <summary>How many notes a lead's page shows at once (<c>LeadWorkspace.PageSize</c>).</summary>
    private const int NotesPageSize = 200;

    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task An_empty_note_is_refused_beside_the_note_box_keeping_what_was_typed()
    {
        var leadId = await CreateLeadAsync("Rui Vazio", "rui.vazio@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads/{leadId}");

        var box = page.Locator("[data-test=note-text]");
        await box.FillAsync("   ");
        await page.Locator("[data-test=note-submit]").ClickAsync();

        var notes = page.Locator("[data-test=lead-notes]");
        await Assertions.Expect(notes.Locator("[data-test=note-error]")).ToHaveTextAsync("Write the note.");
        await Assertions.Expect(box).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-invalid\b"));
        await Assertions.Expect(box).ToHaveValueAsync("   ");
        await Assertions.Expect(page.Locator("[data-test=workspace-notice]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=note]")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Leads/{leadId}$"));

        await page.ReloadAsync();
        await Assertions.Expect(notes.Locator("[data-test=note-error]")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_note_with_line_breaks_that_fills_the_box_is_added_as_typed()
    {
        var leadId = await CreateLeadAsync("Rui Linhas", "rui.linhas@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads/{leadId}");

        // 40 lines of 99 characters: 3,999 characters in the box, which the browser sends with CRLF line breaks (4,038).
        var text = string.Join("\n", Enumerable.Range(0, 40).Select(i => new string((char)('a' + (i % 26)), 99)));
        Assert.That(text, Has.Length.LessThanOrEqualTo(LeadNote.TextLength));
        await page.Locator("[data-test=note-text]").FillAsync(text);
        await page.Locator("[data-test=note-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=workspace-notice]")).ToHaveTextAsync("Note added.");
        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var stored = await _app.App.Db(scope).Set<LeadNote>().SingleAsync(n => n.LeadId == leadId);
        Assert.That(stored.Text, Is.EqualTo(text), "kept with the line breaks people typed");
    }

    [Test]
    public async Task A_note_form_sent_twice_before_the_page_answers_is_posted_once()
    {
        var leadId = await CreateLeadAsync("Rui Duplo", "rui.duplo@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads/{leadId}");
        await page.Locator("[data-test=note-text]").FillAsync("Called twice");

        // Counts the submits the page lets through (after its own listeners), and keeps them from leaving, so both clicks
        // are judged on the same page view.
        var letThrough = await page.EvaluateAsync<int>("""
            () => {
                let count = 0;
                const count_ = event => { if (!event.defaultPrevented) { count++; } event.preventDefault(); };
                window.addEventListener("submit", count_);
                const form = document.querySelector("[data-test=note-text]").form;
                form.requestSubmit();
                form.requestSubmit();
                window.removeEventListener("submit", count_);
                return count;
            }
            """);

        Assert.That(letThrough, Is.EqualTo(1), "the second submit is dropped");
    }

    [Test]
    public async Task A_note_over_the_limit_sent_past_the_box_is_refused_and_the_page_still_loads()
    {
        var leadId = await CreateLeadAsync("Rui Longo", "rui.longo@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads/{leadId}");

        // The box stops typing at the limit; a form sent without it (its maxlength removed) must still get an answer.
        var box = page.Locator("[data-test=note-text]");
        await box.EvaluateAsync("area => area.removeAttribute('maxlength')");
        await box.FillAsync(new string('ж', 6000));
        await page.Locator("[data-test=note-submit]").ClickAsync();

        var notes = page.Locator("[data-test=lead-notes]");
        await Assertions.Expect(notes.Locator("[data-test=note-error]")).ToHaveTextAsync($"A note can have at most {LeadNote.TextLength} characters.");
        await Assertions.Expect(page.Locator("[data-test=note]")).ToHaveCountAsync(0);
        await page.GotoAsync("/Leads");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_note_shows_on_the_lead_page_with_who_wrote_it_and_when()
    {
        var leadId = await CreateLeadAsync("Inês Nota", "ines.nota@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads/{leadId}");
        await Assertions.Expect(page.Locator("[data-test=note]")).ToHaveCountAsync(0);

        var text = "Called her: wants a test ride on Saturday <b>not bold</b>";
        await page.Locator("[data-test=note-text]").FillAsync(text);
        await page.Locator("[data-test=note-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=workspace-notice]")).ToHaveTextAsync("Note added.");
        var note = page.Locator("[data-test=note]");
        await Assertions.Expect(note).ToHaveCountAsync(1);
        await Assertions.Expect(note.Locator(".text-prewrap")).ToHaveTextAsync(text);
        Assert.That(await note.Locator("b").CountAsync(), Is.Zero, "the note is shown as text, not markup");

        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var stored = await _app.App.Db(scope).Set<LeadNote>().SingleAsync(n => n.LeadId == leadId);
        Assert.That(stored.AuthorId, Is.EqualTo(TestApp.AdminUserId));
        await Assertions.Expect(note.Locator(".text-body-secondary"))
            .ToHaveTextAsync($"{TestApp.AdminEmail} · {stored.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-test=note]")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Renamed_added_and_reordered_stages_are_the_ones_the_list_filters_counts_and_moves_by()
    {
        var leadId = await CreateLeadAsync("Rui Etapa", "rui.etapa@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/Leads/Stages");

        var contacted = page.Locator("[data-test=stages] li").Filter(new() { Has = page.Locator("[data-test=stage-name-input][value=Contacted]") });
        await contacted.Locator("[data-test=stage-name-input]").FillAsync("Called");
        await contacted.Locator("[data-test=stage-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=stages-notice]")).ToHaveTextAsync("Stage saved.");

        await page.Locator("[data-test=new-stage-name]").FillAsync("Demo booked");
        await page.Locator("[data-test=new-stage-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=stages-notice]")).ToHaveTextAsync("Stage added.");
        for (var i = 0; i < 2; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Demo booked up" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=stages-notice]")).ToHaveTextAsync("Stage moved.");
        }

        string[] expected = ["New", "Called", "Qualified", "Demo booked", "Converted", "Lost"];
        Assert.That(await page.Locator("[data-test=stage-name-input]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"), Is.EqualTo(expected));

        // The Leads list filters and counts by these stages, in this order, and moves leads to them.
        await page.GotoAsync("/Leads");
        var filters = page.Locator("[data-test=stage-filter]");
        Assert.That((await filters.EvaluateAllAsync<string[]>("links => links.map(a => a.firstChild.textContent.trim())")), Is.EqualTo(expected));
        var demo = filters.Filter(new() { HasText = "Demo booked" });
        await Assertions.Expect(demo.Locator("[data-test=stage-count]")).ToHaveTextAsync("0");

        var row = page.Locator($"[data-test=leads] tbody tr[data-lead-id='{leadId}']");
        await row.Locator("[data-test=pick-lead]").CheckAsync();
        await page.Locator("[data-test=bulk-stage-select]").SelectOptionAsync(new SelectOptionValue { Label = "Demo booked" });
        await page.Locator("[data-test=bulk-stage-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=stage-notice]")).ToHaveTextAsync("Moved 1 lead.");
        await Assertions.Expect(row.Locator("[data-test=lead-stage-cell]")).ToHaveTextAsync("Demo booked");
        await Assertions.Expect(demo.Locator("[data-test=stage-count]")).ToHaveTextAsync("1");

        await demo.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr").First).ToHaveAttributeAsync("data-lead-id", leadId.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-test=result-count]")).ToHaveTextAsync("1 lead matches these filters");

        // The lead's page names its stage and offers the user's stages, in order.
        await page.GotoAsync($"/Leads/{leadId}");
        await Assertions.Expect(page.Locator("[data-test=stage-name]")).ToHaveTextAsync("Demo booked");
        Assert.That(await page.Locator("[data-test=stage-select] option").AllInnerTextsAsync(), Is.EqualTo(expected));
    }

    [Test]
    public async Task On_a_phone_the_card_of_the_same_persons_other_lead_shows_its_stage_as_the_list_does()
    {
        var email = "sofia.card@example.pt";
        var older = await CreateLeadAsync("Sofia Cartão", email, DateTimeOffset.UtcNow.AddDays(-3));
        var newer = await CreateLeadAsync("Sofia Cartão", email);
        var moved = await _app.App.SendAsync(TestApp.AdminUserId, new ChangeLeadStage([older], "qualified"));
        Assert.That(moved.Value, Is.EqualTo(1), moved.Error);

        await using var phone = await _app.NewContextAsync(390, 844, phone: true);
        var page = await phone.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync($"/Leads?q={Uri.EscapeDataString(email)}");
        var listed = (await page.Locator($"[data-test=leads] tbody tr[data-lead-id='{older}'] [data-test=lead-stage-cell]").InnerTextAsync()).Trim();

        await page.GotoAsync($"/Leads/{newer}");
        var card = page.Locator($"[data-test=lead-card][data-lead-id='{older}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("[data-test=lead-card-stage]")).ToHaveTextAsync(listed);
        Assert.That(listed, Is.Not.Empty);
        await Assertions.Expect(card.Locator("[data-test=lead-card-stage]")).ToBeVisibleAsync();
        var box = (await card.BoundingBoxAsync())!;
        var stage = (await card.Locator("[data-test=lead-card-stage]").BoundingBoxAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(box.X, Is.GreaterThanOrEqualTo(0));
            Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(390), "the card fits the screen");
            Assert.That(stage.X + stage.Width, Is.LessThanOrEqualTo(box.X + box.Width + 1), "the stage is inside the card");
        });
        Assert.That(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), Is.True, "no sideways scroll");
        await BrowserApp.ScreenshotAsync(page, "phone-lead-card-stage");
    }

    [Test]
    public async Task The_stage_counts_follow_the_form_filter_and_change_when_a_lead_arrives()
    {
        var form = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        await CreateLeadAsync("Olga Contagem", "olga.contagem@example.pt", formId: form);
        await CreateLeadAsync("Otto Outro", "otto.outro@example.pt");
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads?form_id={form}");
        var live = page.Locator("[data-leads-live]");
        await Assertions.Expect(live).ToHaveAttributeAsync("data-live-state", "connected", new() { Timeout = BrowserApp.Patience });
        var newCount = page.Locator("[data-test=stage-filter][data-stage=new] [data-test=stage-count]");
        await Assertions.Expect(newCount).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-test=result-count]")).ToHaveTextAsync("1 lead matches these filters");

        await CreateLeadAsync("Olga Segunda", "olga.segunda@example.pt", formId: form);
        await CreateLeadAsync("Otto Terceiro", "otto.terceiro@example.pt");

        await Assertions.Expect(page.Locator("[data-test=leads] tbody tr")).ToHaveCountAsync(2, new() { Timeout = BrowserApp.Patience });
        await Assertions.Expect(newCount).ToHaveTextAsync("2", new() { Timeout = BrowserApp.Patience });
        await Assertions.Expect(page.Locator("[data-test=stage-filter][data-stage=qualified] [data-test=stage-count]")).ToHaveTextAsync("0");
    }

    [Test]
    public async Task More_notes_than_one_page_are_said_and_the_older_ones_open_from_a_link()
    {
        var leadId = await CreateLeadAsync("Nádia Muitas", "nadia.muitas@example.pt");
        await using (var scope = _app.App.ScopeFor(TestApp.AdminUserId))
        {
            var db = _app.App.Db(scope);
            var at = DateTimeOffset.UtcNow.AddDays(-1);
            db.AddRange(Enumerable.Range(0, NotesPageSize + 2).Select(i => LeadNote.Write(leadId, $"Call {i}", TestApp.AdminUserId, at.AddMinutes(i))));
            await db.SaveChangesAsync();
        }

        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/Leads/{leadId}");
        var notes = page.Locator("[data-test=note]");
        await Assertions.Expect(notes).ToHaveCountAsync(NotesPageSize);
        await Assertions.Expect(page.Locator("[data-test=more-notes]")).ToHaveTextAsync($"Showing the latest {NotesPageSize} notes; older ones are kept.");

        await page.Locator("[data-test=show-older-notes]").ClickAsync();

        await Assertions.Expect(notes).ToHaveCountAsync(2);
        await Assertions.Expect(notes.Locator(".text-prewrap")).ToHaveTextAsync(["Call 1", "Call 0"]);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("notes_before=\\d+#notes$"));
        await page.Locator("[data-test=newest-notes]").ClickAsync();
        await Assertions.Expect(notes).ToHaveCountAsync(NotesPageSize);
        await Assertions.Expect(notes.First.Locator(".text-prewrap")).ToHaveTextAsync($"Call {NotesPageSize + 1}");
    }

    /// <summary>A lead of the admin, stored as retrieval stores one.</summary>
    private async Task<long> CreateLeadAsync(string name, string email, DateTimeOffset? created = null, string formId = "206170000000011")
    {
        await using var scope = _app.App.ScopeFor(TestApp.AdminUserId);
        var at = created ?? DateTimeOffset.UtcNow;
        var lead = new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageId = "108240000000001",
            FormId = formId,
            FormName = "Test ride",
            FullName = name,
            Email = email,
            CreatedTime = at,
            FirstSeenAt = at,
            Source = LeadSource.Webhook,
            AnswersJson = "[]",
        };
        lead.SetContactKeys();
        lead.PlanWelcome(integrationSendsWelcomes: false);
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(1));
        return lead.Id;
    }
}
