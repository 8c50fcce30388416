using System.Text.Json;
using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// A form's <c>questions</c> in the shapes public sources show beside Meta's plain <c>key</c>/<c>label</c>: a conditional
/// question's follow-ups as Meta's business SDKs type them (<c>LeadGenConditionalQuestionsGroupQuestions</c>: <c>field_key</c>,
/// <c>input_type</c>, <c>name</c>), one shared by two groups, and a question that names its key <c>field_key</c> as the older
/// <c>qualifiers</c> did (the Odoo <c>crm_facebook_leads</c> module reads <c>key</c>, else <c>field_key</c>).
/// </summary>
public sealed class GraphFormQuestionsTests
{
    [Test]
    public void Follow_ups_are_questions_after_their_parent_by_field_key_and_name_and_a_shared_one_is_listed_once()
    {
        using var document = JsonDocument.Parse("""
            [{"key":"full_name","label":"Full name","type":"FULL_NAME","id":"1"},
             {"key":"region","label":"Region?","type":"CUSTOM","conditional_questions_group_id":"31415",
              "conditional_questions_choices":[{"value":"North","next_question_choices":[{"value":"Porto"}]}],
              "dependent_conditional_questions":[{"field_key":"dealer","input_type":"SELECT","name":"Dealer?"},{"input_type":"SELECT","name":"No key"},"x",null]},
             {"key":"model","label":"Model?","type":"CUSTOM","conditional_questions_group_id":"27182",
              "dependent_conditional_questions":[{"field_key":"dealer","name":"Dealer again?"},{"field_key":"trim","name":"Trim?"}]},
             {"type":"CUSTOM","dependent_conditional_questions":[{"field_key":"orphan","name":"Orphan follow-up"}]}]
            """);

        var questions = GraphFormQuestions.Read(document.RootElement)!;

        Assert.That(questions.Select(q => (q.Key, q.Label)), Is.EqualTo(new[]
        {
            ("full_name", "Full name"), ("region", "Region?"), ("dealer", "Dealer?"), ("model", "Model?"), ("trim", "Trim?"), ("orphan", "Orphan follow-up"),
        }));
        Assert.That(questions.Single(q => q.Key == "region").Options, Is.Empty, "its choices are values, not option keys to translate");
    }

    [Test]
    public void A_question_that_names_its_key_field_key_is_read_and_key_wins_when_both_are_there()
    {
        using var document = JsonDocument.Parse("""
            [{"field_key":"budget","label":"Budget?","options":[{"key":"low","value":"Under 500"}]},{"key":"city","field_key":"town","label":"City"}]
            """);

        var questions = GraphFormQuestions.Read(document.RootElement)!;

        Assert.That(questions.Select(q => (q.Key, q.Label)), Is.EqualTo(new[] { ("budget", "Budget?"), ("city", "City") }));
        Assert.That(questions[0].Options.Single().Value, Is.EqualTo("Under 500"));
    }

    /// <summary>Downstream keeps the first question with a key: a follow-up must not stand before a question of the form with that key.</summary>
    [Test]
    public void A_later_question_with_a_follow_ups_key_is_listed_with_its_options_and_the_follow_up_is_left_out()
    {
        using var document = JsonDocument.Parse("""
            [{"key":"region","label":"Region?","conditional_questions_group_id":"31415",
              "dependent_conditional_questions":[{"field_key":"dealer","input_type":"SELECT","name":"Dealer?"},{"field_key":"trim","name":"Trim?"}]},
             {"key":"dealer","label":"Which dealer?","options":[{"key":"porto","value":"Porto – Boavista"}]}]
            """);

        var questions = GraphFormQuestions.Read(document.RootElement)!;

        Assert.That(questions.Select(q => (q.Key, q.Label)), Is.EqualTo(new[] { ("region", "Region?"), ("trim", "Trim?"), ("dealer", "Which dealer?") }));
        Assert.That(questions.Single(q => q.Key == "dealer").Options.Select(o => o.Value), Is.EqualTo(new[] { "Porto – Boavista" }));
    }

    [Test]
    public void Empty_texts_fall_back_a_numeric_field_key_is_read_and_follow_ups_that_are_not_a_list_are_ignored()
    {
        using var document = JsonDocument.Parse("""
            [{"key":"","field_key":"budget","label":"","name":"Budget?"},
             {"key":"region","label":"Region?","dependent_conditional_questions":[{"field_key":"","name":"No key"},{"field_key":42,"name":""},{"key":"","field_key":"trim","name":"Trim?"}]},
             {"key":"model","label":"Model?","dependent_conditional_questions":{"field_key":"lone","name":"Not in a list"}},
             {"key":"colour","label":"Colour?","dependent_conditional_questions":"dealer"}]
            """);

        var questions = GraphFormQuestions.Read(document.RootElement)!;

        Assert.That(questions.Select(q => (q.Key, q.Label)), Is.EqualTo(new[]
        {
            ("budget", "Budget?"), ("region", "Region?"), ("42", "42"), ("trim", "Trim?"), ("model", "Model?"), ("colour", "Colour?"),
        }));
    }
}
