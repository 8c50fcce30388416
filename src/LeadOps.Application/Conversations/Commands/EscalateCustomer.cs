namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// The bot asks for a person (the brief's <c>requires_human</c>), naming the customer by page and PSID. The bot may
/// escalate before the customer's message reached LeadOps: the conversation is then started here.
/// </summary>
public sealed record EscalateCustomer(string PageId, string Psid, string? Reason) : ICommand<Result<ConversationView>>;

public sealed class EscalateCustomerValidator : AbstractValidator<EscalateCustomer>
{
    public EscalateCustomerValidator()
    {
        RuleFor(c => c.PageId).NotEmpty().WithMessage("page_id is required.").MaximumLength(FacebookId.MaxLength).WithMessage("page_id is too long for a page id.");
        RuleFor(c => c.Psid).NotEmpty().WithMessage("psid is required.").MaximumLength(FacebookId.MaxLength).WithMessage("psid is too long for a Messenger id.");
        RuleFor(c => c.Reason).EscalationReason();
    }
}

internal sealed class EscalateCustomerHandler(
    IConversationRepository conversations,
    IIntegrationRepository integrations,
    ConversationTransition transition,
    TimeProvider clock) : ICommandHandler<EscalateCustomer, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(EscalateCustomer command, CancellationToken cancellationToken)
    {
        var pageId = command.PageId.Trim();
        var psid = command.Psid.Trim();
        var conversation = await conversations.FindAsync(pageId, psid, cancellationToken);
        if (conversation is null)
        {
            var integration = await integrations.FindEnabledForPageAsync(pageId, cancellationToken);
            if (integration is null)
            {
                return Result<ConversationView>.NotFound("None of your integrations has this page");
            }

            conversation = Conversation.Start(integration.Id, pageId, psid, clock.GetUtcNow());
            conversations.Add(conversation);
        }

        return await transition.ApplyAsync(conversation, c => c.Escalate(command.Reason, clock.GetUtcNow()), cancellationToken);
    }
}
