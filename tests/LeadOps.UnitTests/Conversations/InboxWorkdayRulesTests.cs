using LeadOps.Application.Common.Audit;
using LeadOps.Application.Common.Events;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Common;
using LeadOps.Domain.Conversations;
using LeadOps.Domain.Conversations.Events;

namespace LeadOps.UnitTests.Conversations;

/// <summary>The rules behind the Inbox's working day: search words, waiting levels, saved replies, notes, reopen.</summary>
public sealed class InboxWorkdayRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Search_words_ignore_case_and_accents()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SearchText.Terms("João CONCEIÇÃO, orçamento!"), Is.EqualTo(new[] { "joao", "conceicao", "orcamento" }));
            Assert.That(SearchText.SearchWords("Joao"), Is.EqualTo(SearchText.Terms("joão")));
            Assert.That(SearchText.Terms("a a A á"), Is.EqualTo(new[] { "a" }));
        });
    }

    [Test]
    public void The_word_after_a_prefix_bounds_every_word_that_begins_with_it()
    {
        var after = SearchText.AfterPrefix("joao");
        Assert.Multiple(() =>
        {
            Assert.That(string.CompareOrdinal("joao", after), Is.LessThan(0));
            Assert.That(string.CompareOrdinal("joaozinho", after), Is.LessThan(0));
            Assert.That(string.CompareOrdinal("joap", after), Is.GreaterThanOrEqualTo(0));
        });
    }

    [TestCase(null, WaitingLevel.None)]
    [TestCase(14, WaitingLevel.Fine)]
    [TestCase(15, WaitingLevel.Amber)]
    [TestCase(59, WaitingLevel.Amber)]
    [TestCase(60, WaitingLevel.Red)]
    public void A_wait_turns_amber_after_15_minutes_and_red_after_an_hour_by_default(int? minutes, WaitingLevel level) =>
        Assert.That(WaitingThresholds.Default.LevelOf(minutes is { } m ? TimeSpan.FromMinutes(m) : null), Is.EqualTo(level));

    [Test]
    public void Thresholds_must_put_amber_before_red()
    {
        var preferences = new InboxPreferences();
        Assert.Multiple(() =>
        {
            Assert.That(preferences.SetThresholds(30, 10), Is.False);
            Assert.That(preferences.SetThresholds(0, 10), Is.False);
            Assert.That(preferences.Thresholds, Is.EqualTo(WaitingThresholds.Default));
            Assert.That(preferences.SetThresholds(5, 10), Is.True);
            Assert.That(preferences.Thresholds.LevelOf(TimeSpan.FromMinutes(6)), Is.EqualTo(WaitingLevel.Amber));
        });
    }

    [Test]
    public void A_saved_reply_fills_in_its_variables()
    {
        var reply = SavedReply.Create("Price", "Hi {first_name}, {staff_name} from {page_name} here.", Now);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Expand("Maria", "Bike Shop", "Ana"), Is.EqualTo("Hi Maria, Ana from Bike Shop here."));
            Assert.That(reply.Expand(null, "Bike Shop", null), Is.EqualTo("Hi ,  from Bike Shop here."));
        });
    }

    [Test]
    public void An_internal_note_changes_neither_the_preview_nor_the_wait_and_is_audited_without_its_text()
    {
        var conversation = Conversation.Start(1, "page", "7001", Now.AddMinutes(-20));
        conversation.ReceiveCustomerMessage("m1", "Is it in stock?", Now.AddMinutes(-20));
        conversation.ClearDomainEvents();

        var note = conversation.AddInternalNote("u1", "Ana", "VIP customer, call back", Now);

        var audit = conversation.DomainEvents.Select(ConversationAudit.For).OfType<AuditRecord>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(note.Kind, Is.EqualTo(MessageKind.InternalNote));
            Assert.That(note.Mid, Is.Null);
            Assert.That(note.CanRetry, Is.False);
            Assert.That(conversation.LastMessagePreview, Is.EqualTo("Is it in stock?"));
            Assert.That(conversation.WaitingSince, Is.EqualTo(Now.AddMinutes(-20)));
            Assert.That(audit.Action, Is.EqualTo(AuditActions.InternalNote));
            Assert.That(audit.Detail, Does.Not.Contain("VIP"));
        });
    }

    [Test]
    public void Only_a_resolved_conversation_reopens_and_it_comes_back_to_whoever_reopened_it()
    {
        var conversation = Conversation.Start(1, "page", "7001", Now);
        Assert.That(conversation.Reopen("u1", "Ana"), Is.False);
        conversation.Resolve(Now);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.Reopen("u1", "Ana"), Is.True);
            Assert.That(conversation.State, Is.EqualTo(ConversationState.HumanActive));
            Assert.That(conversation.AssignedToUserId, Is.EqualTo("u1"));
            Assert.That(conversation.DomainEvents.OfType<ConversationReopened>().Count(e => e.Changed), Is.EqualTo(1));
        });
    }

    [Test]
    public void The_index_gets_the_psid_the_name_and_the_words_of_messages_but_not_notes()
    {
        var conversation = Conversation.Start(1, "page", "7001234", Now);
        conversation.UseProfile("João", "Conceição", null, Now);
        conversation.ReceiveCustomerMessage("m1", "Quero um orçamento", Now);
        conversation.AddInternalNote("u1", "Ana", "secret plan", Now);
        IDomainEventHandler indexer = new InboxSearchIndexer();

        var terms = conversation.DomainEvents.SelectMany(e => indexer.OnSaving(e, new SaveContext("owner-1", Now))).Cast<ConversationSearchTerm>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(terms.Select(t => t.Term), Is.EqualTo(new[] { "7001234", "joao", "conceicao", "quero", "um", "orcamento" }));
            Assert.That(terms.Select(t => t.OwnerId).Distinct(), Is.EqualTo(new[] { "owner-1" }));
            Assert.That(terms.Select(t => t.ConversationId).Distinct(), Is.EqualTo(new[] { conversation.Id }));
        });
    }

    [Test]
    public void The_conversation_keeps_the_last_contacts_the_customer_wrote()
    {
        var conversation = Conversation.Start(1, "page", "7001", Now);
        conversation.ReceiveCustomerMessage("m1", "my mail is Maria@Shop.test", Now);
        conversation.ReceiveCustomerMessage("m2", "and my phone +55 11 98765-4321", Now.AddMinutes(1));
        conversation.ReceiveCustomerMessage("m3", "thanks!", Now.AddMinutes(2));
        Assert.Multiple(() =>
        {
            Assert.That(conversation.ContactEmailKey, Is.EqualTo("maria@shop.test"));
            Assert.That(conversation.ContactPhoneKey, Is.EqualTo("+5511987654321"));
        });
    }
}
