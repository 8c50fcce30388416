namespace LeadOps.GraphSandbox;

/// <summary>
/// What makes a question conditional (Meta's "conditional questions", authored in the form builder): the group its choices
/// belong to, each choice with the choices its follow-up question then offers, and the follow-up questions themselves. As
/// Meta's business SDKs describe them (<c>LeadGenQuestion</c>, <c>LeadGenConditionalQuestionsGroupChoices</c>,
/// <c>LeadGenConditionalQuestionsGroupQuestions</c>): a follow-up question has a <c>field_key</c>, an <c>input_type</c> and a
/// <c>name</c>, no <c>key</c> or <c>label</c>. The sandbox's leads answer it under its <c>field_key</c>: that is what the
/// SDKs' types suggest, unverified on a real lead.
/// </summary>
internal sealed record FormConditional(string GroupId, IReadOnlyList<FormConditional.Choice> Choices, IReadOnlyList<FormConditional.FollowUp> FollowUps)
{
    /// <summary>A choice of the question (<c>value</c>) and those of its follow-up question (<c>next_question_choices</c>).</summary>
    internal sealed record Choice(string Value, IReadOnlyList<string> Next);

    /// <summary>
    /// A follow-up question: <paramref name="FieldKey"/> is what the sandbox's leads name it in <c>field_data</c>;
    /// <paramref name="InputType"/> is the sandbox's choice (the SDKs type <c>input_type</c> as a text and list no values).
    /// </summary>
    internal sealed record FollowUp(string FieldKey, string Name, string InputType = "SELECT");
}
