using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.ApplicationTests.Leads;

/// <summary>A form may require a consent answer before its welcome is sent: only a lead that ticked that check box is welcomed.</summary>
public sealed class WelcomeConsentRuleTests
{
    [Test]
    public async Task A_form_that_requires_consent_welcomes_only_the_leads_that_ticked_it()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var form = SandboxSeed.MainTestRideFormId;
        var required = await SendAsync(staff, new RequireWelcomeConsent(integrationId, form, "optional_1"));
        Assert.That(required.IsSuccess, Is.True, required.Error);
        var created = DateTimeOffset.UtcNow.AddMinutes(-90);
        var ticked = Lead(form, created, "1");
        var unticked = Lead(form, created.AddSeconds(1), "0");
        var asBoolean = Lead(form, created.AddSeconds(2), true);

        var result = await SendAsync(staff, new RetrieveFacebookLeads(integrationId, form, created.AddSeconds(-1), created.AddSeconds(3)));

        Assert.That(result.IsSuccess, Is.True, result.Detail ?? result.Error);
        var rows = await ReadAsync(staff, db => db.OutboxMessages.AsNoTracking().Include(o => o.Lead).ToDictionaryAsync(o => o.Lead!.FacebookLeadId));
        Assert.Multiple(() =>
        {
            Assert.That(rows[ticked].Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(rows[asBoolean].Status, Is.EqualTo(OutboxStatus.Pending), "is_checked as a JSON boolean reads the same");
            Assert.That((rows[unticked].Status, rows[unticked].LastError), Is.EqualTo((OutboxStatus.Skipped, (string?)"Skipped (no consent: optional_1 not checked)")));
        });
    }

    [Test]
    public async Task A_consent_key_that_is_not_a_check_box_key_is_refused()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);

        Assert.ThrowsAsync<ValidationException>(() => SendAsync(staff, new RequireWelcomeConsent(integrationId, SandboxSeed.MainTestRideFormId, "<script>")));
    }

    private static string Lead(string form, DateTimeOffset created, object isChecked) => Graph.SubmitLead(form, new SandboxLead
    {
        CreatedTime = created,
        Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Consent Case"], ["email"] = [$"c-{Guid.NewGuid():N}@example.test"] },
        Consents = new Dictionary<string, object> { ["optional_1"] = isChecked },
    });
}
