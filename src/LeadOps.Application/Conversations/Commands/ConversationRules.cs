namespace LeadOps.Application.Conversations.Commands;

/// <summary>Validation rules the Inbox's commands share.</summary>
internal static class ConversationRules
{
    /// <summary>
    /// Something to send, and no more than Messenger takes (2000 characters). The error codes name the failure as the
    /// brief's 422 answer types it.
    /// </summary>
    public static IRuleBuilderOptions<T, string> MessageText<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write a message first: it cannot be empty.").WithErrorCode("string_too_short")
            .Must(t => t.Trim().Length <= MessengerMessage.MaxTextLength)
            .WithMessage(c => $"A Messenger message can have at most {MessengerMessage.MaxTextLength} characters.").WithErrorCode("string_too_long");

    /// <summary>No longer than the conversation keeps.</summary>
    public static IRuleBuilderOptions<T, string?> EscalationReason<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.MaximumLength(Conversation.ReasonLength).WithMessage($"The reason can have at most {Conversation.ReasonLength} characters.");

    /// <summary>A customer's page-scoped id, as <paramref name="field"/> names it in the request.</summary>
    public static IRuleBuilderOptions<T, string?> MessengerId<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.MaximumLength(FacebookId.MaxLength).WithMessage($"{field} is too long for a Messenger id.");
}
