using LeadOps.Application.Leads.Commands;
using LeadOps.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.ApplicationTests.Leads;

/// <summary>
/// When Retrieve Facebook Leads says no, and that it says so before asking Graph for leads: the rules behind the
/// brief's 404 "Lead form integration not found" and 400 "Facebook access token not found" (whose wire shapes
/// RetrievalApiTests prove over HTTP).
/// </summary>
public sealed class RetrievalRefusalTests
{
    private const string IntegrationNotFound = "Lead form integration not found";

    [Test]
    public async Task An_integration_the_user_does_not_have_is_refused_as_not_found_without_calling_graph()
    {
        var staff = await NewUserAsync();
        var leadCalls = LeadCalls(SandboxSeed.MainTestRideFormId);

        var result = await SendAsync(staff, new RetrieveFacebookLeads(int.MaxValue, SandboxSeed.MainTestRideFormId));

        Assert.That((result.Status, result.Error), Is.EqualTo((ResultStatus.NotFound, IntegrationNotFound)));
        Assert.That(LeadCalls(SandboxSeed.MainTestRideFormId), Is.EqualTo(leadCalls), "Graph is not asked for leads");
    }

    [Test]
    public async Task Another_users_integration_is_refused_as_not_found_and_nothing_is_stored_for_anyone()
    {
        var alice = await NewUserAsync();
        var alicesIntegration = await ConnectMainPageAsync(alice);
        var bob = await NewUserAsync();
        Graph.AddLeads(SandboxSeed.MainServiceFormId, 2);
        var leadCalls = LeadCalls(SandboxSeed.MainServiceFormId);

        var result = await SendAsync(bob, new RetrieveFacebookLeads(alicesIntegration, SandboxSeed.MainServiceFormId));

        Assert.That((result.Status, result.Error), Is.EqualTo((ResultStatus.NotFound, IntegrationNotFound)));
        Assert.That(LeadCalls(SandboxSeed.MainServiceFormId), Is.EqualTo(leadCalls), "Graph is not asked for leads");
        Assert.That(await ReadAsync(bob, db => db.Leads.CountAsync()), Is.Zero);
        Assert.That(await ReadAsync(alice, db => db.Leads.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task An_integration_without_a_usable_token_is_refused_as_invalid_before_graph_is_called()
    {
        var staff = await NewUserAsync();
        var broken = new Integration { Name = "Broken", PageId = string.Empty, PageName = string.Empty, CreatedAt = DateTimeOffset.UtcNow };
        await ArrangeAsync(staff, db => db.Integrations.Add(broken));
        var leadCalls = LeadCalls(SandboxSeed.MainTestRideFormId);

        var result = await SendAsync(staff, new RetrieveFacebookLeads(broken.Id, SandboxSeed.MainTestRideFormId));

        Assert.That((result.Status, result.Error), Is.EqualTo((ResultStatus.Invalid, "Facebook access token not found")));
        Assert.That(result.Detail, Is.EqualTo("Reconnect the page with a valid page access token."));
        Assert.That(LeadCalls(SandboxSeed.MainTestRideFormId), Is.EqualTo(leadCalls));
    }

    [Test]
    public async Task A_form_of_another_page_is_refused_as_not_found_once_graph_confirms_the_page_does_not_have_it()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);

        var result = await SendAsync(staff, new RetrieveFacebookLeads(integrationId, SandboxSeed.ExpiringTokenFormId));

        Assert.That((result.Status, result.Error), Is.EqualTo((ResultStatus.NotFound, IntegrationNotFound)));
        Assert.That(LeadCalls(SandboxSeed.ExpiringTokenFormId), Is.Zero, "no lead of that form is read through this page");
        Assert.That(await ReadAsync(staff, db => db.Leads.CountAsync()), Is.Zero);
    }

    [TestCase("", 1, "FormId")]
    [TestCase("1 OR 1=1", 1, "FormId")]
    [TestCase("206170000000011", 0, "IntegrationId")]
    public async Task Input_that_names_no_form_or_integration_is_refused_by_the_validator_with_the_field(string formId, int integrationId, string field)
    {
        var staff = await NewUserAsync();

        var refused = Assert.ThrowsAsync<ValidationException>(() => SendAsync(staff, new RetrieveFacebookLeads(integrationId, formId)));

        Assert.That(refused!.Errors.Keys, Does.Contain(field));
        Assert.That(await ReadAsync(staff, db => db.RetrievalRuns.CountAsync()), Is.Zero, "no run is recorded for a refused request");
    }

    [Test]
    public async Task A_range_that_ends_before_it_starts_is_refused_by_the_validator()
    {
        var staff = await NewUserAsync();
        var since = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

        var refused = Assert.ThrowsAsync<ValidationException>(() =>
            SendAsync(staff, new RetrieveFacebookLeads(1, SandboxSeed.MainTestRideFormId, since, since.AddDays(-19))));

        Assert.That(refused!.Errors.Keys, Is.EquivalentTo(new[] { "Until" }));
        Assert.That(refused.FirstMessage, Is.EqualTo("until must be after since."));
    }

    /// <summary>How many times Graph was asked for this form's leads, by anyone.</summary>
    private static int LeadCalls(string formId) =>
        Graph.Requests.Count(r => r.Path.EndsWith($"/{formId}/leads", StringComparison.Ordinal));
}
