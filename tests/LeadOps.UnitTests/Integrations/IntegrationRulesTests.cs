using LeadOps.Domain.Common;
using LeadOps.Domain.Integrations;

namespace LeadOps.UnitTests.Integrations;

public sealed class IntegrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_graph_failure_marks_what_staff_must_fix_and_only_shows_the_rest()
    {
        var integration = new Integration();
        integration.RecordFailure(IntegrationFault.Other, "Facebook is rate limiting this page.");
        Assert.That((integration.NeedsReconnect, integration.LastError), Is.EqualTo((false, (string?)"Facebook is rate limiting this page.")));

        integration.RecordFailure(IntegrationFault.PermissionMissing, "missing", "pages_messaging");
        Assert.That(integration.MissingPermissionList, Is.EqualTo(new[] { "pages_messaging" }));

        integration.RecordFailure(IntegrationFault.TokenInvalid, "expired");
        Assert.That(integration.StateAt(Now).Status, Is.EqualTo(IntegrationStatus.NeedsReconnect));
    }

    [Test]
    public void A_lead_that_is_gone_leaves_the_integration_as_it_was()
    {
        var integration = new Integration();

        integration.RecordFailure(IntegrationFault.ObjectGone, "The lead no longer exists on Facebook.");

        Assert.Multiple(() =>
        {
            Assert.That(integration.LastError, Is.Null);
            Assert.That(integration.StateAt(Now).Status, Is.EqualTo(IntegrationStatus.Active));
        });
    }

    /// <summary>A reason can carry whatever Graph said (its message, Meta's error_user_title): it still fits the 1,000-character column.</summary>
    [TestCase(IntegrationFault.TokenInvalid)]
    [TestCase(IntegrationFault.PermissionMissing)]
    [TestCase(IntegrationFault.Other)]
    public void A_long_reason_is_kept_within_its_column(IntegrationFault fault)
    {
        var integration = new Integration();

        integration.RecordFailure(fault, "The page token is expired or was revoked: reconnect the page. Facebook says: “" + new string('x', 5000) + "”.", "leads_retrieval");

        Assert.That(integration.LastError, Has.Length.EqualTo(TextLimit.Reason).And.StartsWith("The page token is expired"));
    }

    [Test]
    public void Merging_forms_updates_known_ones_keeps_their_sync_choice_and_adds_new_ones_synced_by_default()
    {
        var integration = new Integration();
        integration.MergeForms([new LeadFormListing("f1", "Test ride", "ACTIVE", 3)], Now);
        integration.Forms[0].ScheduleSync(false);

        integration.MergeForms([new LeadFormListing("f1", "Test ride (new)", "ARCHIVED", 4), new LeadFormListing("f2", "Brochure", "ACTIVE", null)], Now.AddHours(1));

        Assert.That(integration.Forms.Select(f => (f.FormId, f.Name, f.Status, f.SyncEnabled)), Is.EqualTo(new[]
        {
            ("f1", "Test ride (new)", "ARCHIVED", false), ("f2", "Brochure", "ACTIVE", true),
        }));
    }

    [Test]
    public void Only_an_integration_with_a_usable_token_may_retrieve()
    {
        Assert.That(new Integration { PageId = "p1" }.MayRetrieve, Is.False);
        var connected = new Integration { PageId = "p1" };
        connected.UseToken("protected", "EAAB-token");
        Assert.That(connected.MayRetrieve, Is.True);
    }

    [Test]
    public void The_watermark_only_moves_forward_and_only_for_a_walk_that_started_at_or_before_it()
    {
        var form = new IntegrationForm();
        form.RecordSync(null, Now, Now);
        form.RecordSync(Now.AddDays(1), Now.AddDays(2), Now.AddDays(2));
        Assert.That(form.Watermark, Is.EqualTo(Now), "a later window says nothing about the leads before it");

        form.RecordSync(Now.AddDays(-1), Now.AddHours(-1), Now.AddDays(2));
        Assert.That((form.Watermark, form.LastSyncedAt), Is.EqualTo(((DateTimeOffset?)Now, (DateTimeOffset?)Now.AddDays(2))));
    }

    [Test]
    public void A_listing_that_goes_through_takes_off_only_the_permissions_a_refused_listing_alone_found_missing()
    {
        var integration = new Integration();
        integration.RecordCheck("debug_token", ["leads_retrieval", "pages_show_list", "pages_read_engagement", "pages_manage_metadata"], null, true, Now);
        integration.RecordFormsNotListed(IntegrationFault.PermissionMissing, "missing", "pages_messaging");
        integration.RecordFormsNotListed(IntegrationFault.PermissionMissing, "missing", "pages_manage_ads");
        integration.RecordFailure(IntegrationFault.PermissionMissing, "missing", "ads_management");
        integration.RecordFormsNotListed(IntegrationFault.PermissionMissing, "missing", "ads_management");
        Assert.That(integration.MissingPermissionList, Is.EqualTo(new[] { "pages_messaging", "pages_manage_ads", "ads_management" }));

        integration.MergeForms([new LeadFormListing("f1", "Test ride", "ACTIVE", 3)], Now);

        Assert.That(integration.MissingPermissionList, Is.EqualTo(new[] { "pages_messaging", "ads_management" }), "the check found pages_messaging missing, another call ads_management");
    }
}
