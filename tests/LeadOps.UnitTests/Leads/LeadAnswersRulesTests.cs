using LeadOps.Domain.Leads;
using LeadOps.Domain.Leads.Events;
using LeadOps.Domain.Leads.Stages;

namespace LeadOps.UnitTests.Leads;

/// <summary><see cref="Lead.FillInAnswers"/>: a lead stored without answers takes them in once; answers are never replaced.</summary>
public sealed class LeadAnswersRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly LeadAnswer[] Answers =
        [new("full_name", ["Rosa Lima"]), new("email", ["Rosa@Example.test"]), new("phone_number", ["+351 912 345 678"])];

    [Test]
    public void A_lead_without_answers_takes_them_in_and_the_fields_it_lacks_and_keeps_everything_else()
    {
        var lead = Unanswered();
        lead.Phone = "+351 900 000 000"; // set before: kept
        lead.ChangeStage(PipelineStage.Create("qualified", "Qualified", 2), null, "staff-1", Now);
        lead.ClearDomainEvents();

        var filled = lead.FillInAnswers(Answers, [new LeadConsent("optional_1", true)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filled, Is.True);
            Assert.That(lead.AnswersJson, Does.Contain("Rosa@Example.test").And.Contain("full_name"));
            Assert.That((lead.FullName, lead.FirstName, lead.Email, lead.EmailKey), Is.EqualTo(("Rosa Lima", "Rosa", "Rosa@Example.test", "rosa@example.test")));
            Assert.That(lead.Phone, Is.EqualTo("+351 900 000 000"), "a field the lead already has is kept");
            Assert.That(lead.HasConsent("optional_1"), Is.True);
            Assert.That((lead.Id, lead.FacebookLeadId, lead.CreatedTime, lead.FirstSeenAt), Is.EqualTo((42L, "1500000000000001", Now.AddHours(-1), Now)));
            Assert.That(lead.StageKey, Is.EqualTo("qualified"));
            Assert.That(lead.WelcomeStatus, Is.EqualTo(WelcomeStatus.Skipped));
            Assert.That(lead.HasNoAnswers, Is.False);
            Assert.That(lead.SearchTerms.Select(t => t.Term), Does.Contain("rosa").And.Contain("lima"), "searchable by its new name");
            Assert.That(lead.DomainEvents, Is.EqualTo(new[] { new LeadAnswersFilledIn(lead, 3) }), "one event (its audit row), no LeadCreated");
        }
    }

    [Test]
    public void A_lead_with_answers_is_never_overwritten_and_a_read_without_answers_changes_nothing()
    {
        var lead = Unanswered();
        var none = lead.FillInAnswers([], []);
        var once = lead.FillInAnswers(Answers, []);
        var json = lead.AnswersJson;

        var again = lead.FillInAnswers([new LeadAnswer("email", ["other@example.test"])], []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((none, once, again), Is.EqualTo((false, true, false)));
            Assert.That(lead.AnswersJson, Is.EqualTo(json));
            Assert.That(lead.Email, Is.EqualTo("Rosa@Example.test"));
            Assert.That(lead.DomainEvents.OfType<LeadAnswersFilledIn>().Count(), Is.EqualTo(1));
        }
    }

    private static Lead Unanswered()
    {
        var lead = new Lead { Id = 42, FacebookLeadId = "1500000000000001", CreatedTime = Now.AddHours(-1), FirstSeenAt = Now };
        lead.PlanWelcome(false);
        lead.ClearDomainEvents();
        return lead;
    }
}
