using System.Globalization;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Welcome;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.ApplicationTests.Leads;

/// <summary>
/// Whether a lead's welcome e-mail is queued, and when a queued one is skipped instead of sent (no address, switched
/// off, integration gone) or left to the worker that holds it. Nothing here reaches a mail server: these are the
/// decisions before a send (WelcomeDeliveryTests sends over real SMTP).
/// </summary>
public sealed class WelcomeRuleTests
{
    private const string Worker = "application-tests";

    [Test]
    public async Task A_webhook_lead_with_an_email_of_an_integration_with_its_welcome_on_is_queued()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);

        var leadId = await WebhookLeadAsync(staff, integrationId);

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(row.LastError, Is.Null);
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Pending));
        });
    }

    [Test]
    public async Task A_webhook_lead_of_an_integration_with_its_welcome_off_is_skipped_as_disabled_from_the_start()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var off = await SendAsync(staff, new UpdateWelcomeTemplate(integrationId, Enabled: false, "Hi {first_name}", "Hello"));
        Assert.That(off.IsSuccess, Is.True, off.Error);

        var leadId = await WebhookLeadAsync(staff, integrationId);

        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Skipped));
            Assert.That(row.LastError, Is.EqualTo(WelcomeSkipReasons.Disabled));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Skipped));
        });
    }

    [Test]
    public async Task A_queued_welcome_for_a_lead_without_an_email_is_skipped_as_no_email()
    {
        var staff = await NewUserAsync();
        var leadId = await QueuedLeadAsync(staff, await ConnectMainPageAsync(staff), email: null);

        var outcome = await DeliverAsync(staff, leadId);

        Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.Skipped));
        await AssertSkippedAsync(staff, leadId, WelcomeSkipReasons.NoEmail);
    }

    [Test]
    public async Task A_queued_welcome_switched_off_before_it_is_delivered_is_skipped_as_disabled()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var leadId = await QueuedLeadAsync(staff, integrationId, NewEmail());
        await SendAsync(staff, new UpdateWelcomeTemplate(integrationId, Enabled: false, "Hi {first_name}", "Hello"));

        var outcome = await DeliverAsync(staff, leadId);

        Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.Skipped));
        await AssertSkippedAsync(staff, leadId, WelcomeSkipReasons.Disabled);
    }

    [Test]
    public async Task A_queued_welcome_whose_integration_was_deleted_is_skipped_with_the_reason()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var leadId = await QueuedLeadAsync(staff, integrationId, NewEmail());
        Assert.That((await SendAsync(staff, new DeleteIntegration(integrationId))).IsSuccess, Is.True);

        var outcome = await DeliverAsync(staff, leadId);

        Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.Skipped));
        await AssertSkippedAsync(staff, leadId, WelcomeSkipReasons.IntegrationDeleted);
    }

    [Test]
    public async Task A_welcome_another_worker_holds_is_left_to_it()
    {
        var staff = await NewUserAsync();
        var leadId = await QueuedLeadAsync(staff, await ConnectMainPageAsync(staff), email: null);
        await ClaimAsync(staff, leadId, "another-worker");

        var outcome = await SendAsync(staff, new DeliverWelcomeMessage((await WelcomeOfAsync(staff, leadId)).Id, Worker));

        Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.ClaimLost));
        var row = await WelcomeOfAsync(staff, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Pending), "untouched");
            Assert.That(row.ClaimedBy, Is.EqualTo("another-worker"));
            Assert.That(row.LastError, Is.Null);
        });
    }

    [Test]
    public async Task Another_users_welcome_cannot_be_delivered_as_this_user()
    {
        var alice = await NewUserAsync();
        var bob = await NewUserAsync();
        var leadId = await QueuedLeadAsync(alice, await ConnectMainPageAsync(alice), email: null);
        await ClaimAsync(alice, leadId, Worker);

        var outcome = await SendAsync(bob, new DeliverWelcomeMessage((await WelcomeOfAsync(alice, leadId)).Id, Worker));

        Assert.That(outcome, Is.EqualTo(WelcomeDeliveryOutcome.ClaimLost));
        Assert.That((await WelcomeOfAsync(alice, leadId)).Status, Is.EqualTo(OutboxStatus.Pending));
    }

    private static string NewEmail() => $"lead-{Guid.NewGuid():N}@example.test";

    /// <summary>A lead submitted on the main page's test-ride form, stored as its leadgen webhook would store it.</summary>
    private static async Task<long> WebhookLeadAsync(TestUser staff, int integrationId)
    {
        var leadgenId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
        var stored = await SendAsync(staff, new StoreWebhookLead(integrationId, SandboxSeed.MainTestRideFormId, leadgenId));
        Assert.That(stored.Value?.Status, Is.EqualTo(ProcessedLeadStatus.Created), stored.Detail ?? stored.Error);
        return stored.Value!.LeadId!.Value;
    }

    /// <summary>A new lead whose welcome is queued (Pending), stored through the lead repository with its outbox row.</summary>
    private static async Task<long> QueuedLeadAsync(TestUser staff, int integrationId, string? email)
    {
        await using var scope = App.ScopeFor(staff.Id);
        var now = DateTimeOffset.UtcNow;
        var lead = new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            IntegrationId = integrationId,
            PageId = SandboxSeed.MainPageId,
            FormId = SandboxSeed.MainTestRideFormId,
            FormName = "Test ride",
            FirstName = "Ana",
            FullName = "Ana Silva",
            Email = email,
            CreatedTime = now,
            FirstSeenAt = now,
            Source = LeadSource.Webhook,
        };
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(1));

        // A welcome already queued (as an older rule may have left it), whatever the lead: delivery decides again.
        var db = App.Db(scope);
        db.Attach(lead);
        db.OutboxMessages.Add(OutboxMessage.WelcomeFor(lead, now));
        await db.SaveChangesAsync();
        return lead.Id;
    }

    /// <summary>The lead's welcome row as a worker holds it: claimed by <paramref name="worker"/> for a few minutes.</summary>
    private static Task ClaimAsync(TestUser staff, long leadId, string worker) => ArrangeAsync(staff, async db =>
    {
        var row = await db.OutboxMessages.SingleAsync(o => o.LeadId == leadId);
        row.ClaimedBy = worker;
        row.ClaimedUntil = DateTimeOffset.UtcNow.AddMinutes(5);
    });

    /// <summary>Claims the lead's welcome as this tier's worker and delivers it, as the outbox worker does.</summary>
    private static async Task<WelcomeDeliveryOutcome> DeliverAsync(TestUser staff, long leadId)
    {
        await ClaimAsync(staff, leadId, Worker);
        return await SendAsync(staff, new DeliverWelcomeMessage((await WelcomeOfAsync(staff, leadId)).Id, Worker));
    }

    private static Task<OutboxMessage> WelcomeOfAsync(TestUser owner, long leadId) =>
        ReadAsync(owner, db => db.OutboxMessages.AsNoTracking().Include(o => o.Lead).SingleAsync(o => o.LeadId == leadId));

    private static async Task AssertSkippedAsync(TestUser owner, long leadId, string reason)
    {
        var row = await WelcomeOfAsync(owner, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Skipped));
            Assert.That(row.LastError, Is.EqualTo(reason));
            Assert.That(row.Lead!.WelcomeStatus, Is.EqualTo(WelcomeStatus.Skipped));
            Assert.That(row.ClaimedBy, Is.Null, "the claim is given back");
        });
    }
}
