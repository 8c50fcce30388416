namespace LeadOps.Application.Conversations.Commands;

/// <summary>Staff hand a conversation to a person (Needs human), with an optional reason.</summary>
public sealed record EscalateConversation(Guid ConversationId, string? Reason) : ICommand<Result<ConversationView>>;

public sealed class EscalateConversationValidator : AbstractValidator<EscalateConversation>
{
    public EscalateConversationValidator() => RuleFor(c => c.Reason).EscalationReason();
}

internal sealed class EscalateConversationHandler(ConversationTransition transition, TimeProvider clock)
    : ICommandHandler<EscalateConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(EscalateConversation command, CancellationToken cancellationToken) =>
        await transition.ApplyAsync(command.ConversationId, c => c.Escalate(command.Reason, clock.GetUtcNow()), cancellationToken);
}
