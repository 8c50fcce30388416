using LeadOps.Application.Common.Events;
using LeadOps.Application.Leads.Conversions;
using LeadOps.Application.Leads.Stages;
using LeadOps.Domain.Leads;
using LeadOps.Domain.Leads.Conversions;
using LeadOps.Domain.Leads.Events;
using LeadOps.Domain.Leads.Stages;

namespace LeadOps.UnitTests.Leads;

public sealed class StageRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly PipelineStage New = PipelineStage.Create(PipelineStage.EntryKey, "New", 0);
    private static readonly PipelineStage Qualified = PipelineStage.Create("qualified", "Qualified", 2, "QualifiedLead");

    [Test]
    public void Moving_a_lead_raises_one_event_with_the_stages_names_and_keys_and_moving_it_again_there_raises_none()
    {
        var lead = new Lead { FacebookLeadId = "1500000000000001" };

        var moved = lead.ChangeStage(Qualified, New, "staff-1", Now);
        var again = lead.ChangeStage(Qualified, Qualified, "staff-1", Now.AddMinutes(1));

        Assert.That((moved, again), Is.EqualTo((true, false)));
        Assert.That(lead.DomainEvents.OfType<LeadStageChanged>().Single(),
            Is.EqualTo(new LeadStageChanged(lead, "New", "Qualified", "staff-1", Now, PipelineStage.EntryKey, "qualified")));
        Assert.That((lead.StageKey, lead.StageEnteredAt), Is.EqualTo(("qualified", (DateTimeOffset?)Now)));
    }

    [Test]
    public void A_new_lead_enters_the_first_stage_with_a_history_row_and_one_conversions_event_in_the_same_save()
    {
        var lead = new Lead { FacebookLeadId = "1500000000000001", FirstSeenAt = Now };
        lead.PlanWelcome(false);

        var rows = new LeadStageHandler().OnSaving(lead.DomainEvents.Single(), new SaveContext("owner", Now)).ToList();

        var history = rows.OfType<LeadStageChange>().Single();
        var conversion = rows.OfType<ConversionEvent>().Single();
        Assert.That((history.FromStageKey, history.ToStageKey, history.ActorId, history.At), Is.EqualTo(((string?)null, PipelineStage.EntryKey, "owner", Now)));
        Assert.That((conversion.StageKey, conversion.EnteredAt, conversion.Status), Is.EqualTo((PipelineStage.EntryKey, Now, ConversionEventStatus.Pending)));
    }

    [TestCase("")]
    [TestCase("demo-lead-7")]
    [TestCase("0")]
    public void A_lead_without_a_facebook_lead_id_gets_history_but_no_conversions_event(string facebookLeadId)
    {
        var lead = new Lead { FacebookLeadId = facebookLeadId };
        lead.ChangeStage(Qualified, New, "staff-1", Now);

        var rows = new LeadStageHandler().OnSaving(lead.DomainEvents.Single(), new SaveContext("staff-1", Now)).ToList();

        Assert.That(rows, Has.Count.EqualTo(1).And.All.InstanceOf<LeadStageChange>());
    }

    [Test]
    public void The_event_time_is_never_before_the_leads_creation_nor_in_the_future_nor_older_than_7_days()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ConversionEvent.EventTime(Now.AddHours(-2), Now.AddHours(-1), Now), Is.EqualTo(Now.AddHours(-1)));
            Assert.That(ConversionEvent.EventTime(Now.AddHours(1), Now.AddDays(-1), Now), Is.EqualTo(Now));
            Assert.That(ConversionEvent.EventTime(Now.AddDays(-3), Now.AddDays(-30), Now), Is.EqualTo(Now.AddDays(-3)));
            Assert.That(ConversionEvent.EventTime(Now.AddDays(-8), Now.AddDays(-30), Now), Is.Null);
        }
    }

    [Test]
    public void The_request_has_exactly_the_documented_fields_and_the_token_only_when_sending()
    {
        var request = new ConversionRequest("QualifiedLead", Now.ToUnixTimeSeconds(), 1500000000000001, "TEST1");

        Assert.That(request.ToJson(), Is.EqualTo(
            "{\"data\":[{\"event_name\":\"QualifiedLead\",\"event_time\":1795176000,\"action_source\":\"system_generated\"," +
            "\"user_data\":{\"lead_id\":1500000000000001},\"custom_data\":{\"event_source\":\"crm\",\"lead_event_source\":\"LeadOps\"}}]," +
            "\"test_event_code\":\"TEST1\"}"));
        Assert.That(request.ToBody("secret-token")["access_token"]!.GetValue<string>(), Is.EqualTo("secret-token"));
    }

    [Test]
    public void Renaming_a_stage_keeps_its_key_and_the_entry_stage_stays_first()
    {
        var entry = PipelineStage.Create(PipelineStage.EntryKey, "New", 0);
        entry.Rename("Incoming", null);
        entry.MoveTo(3);

        Assert.That((entry.Key, entry.Name, entry.Position, entry.EventName, Qualified.EventName),
            Is.EqualTo((PipelineStage.EntryKey, "Incoming", 0, "Incoming", "QualifiedLead")));
    }
}
