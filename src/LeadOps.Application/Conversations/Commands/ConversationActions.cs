using LeadOps.Application.Common.Audit;
using LeadOps.Application.Integrations;

namespace LeadOps.Application.Conversations.Commands;

/// <summary>The bot asks for a person (the brief's <c>requires_human</c>), naming the customer by page and PSID.</summary>
public sealed record EscalateCustomer(string PageId, string Psid, string? Reason) : ICommand<Result<ConversationView>>;

/// <summary>Staff hand a conversation to a person (Needs human).</summary>
public sealed record EscalateConversation(Guid ConversationId, string? Reason) : ICommand<Result<ConversationView>>;

/// <summary>The acting staff member takes the conversation (Human active, assigned to them).</summary>
public sealed record TakeConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

/// <summary>Back to the bot.</summary>
public sealed record ReleaseConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

public sealed record ResolveConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

public sealed class EscalateCustomerValidator : AbstractValidator<EscalateCustomer>
{
    public EscalateCustomerValidator()
    {
        RuleFor(c => c.PageId).NotEmpty().WithMessage("page_id is required.").MaximumLength(64).WithMessage("page_id is too long for a page id.");
        RuleFor(c => c.Psid).NotEmpty().WithMessage("psid is required.").MaximumLength(64).WithMessage("psid is too long for a Messenger id.");
        RuleFor(c => c.Reason).MaximumLength(Conversation.ReasonLength).WithMessage($"The reason can have at most {Conversation.ReasonLength} characters.");
    }
}

public sealed class EscalateConversationValidator : AbstractValidator<EscalateConversation>
{
    public EscalateConversationValidator() =>
        RuleFor(c => c.Reason).MaximumLength(Conversation.ReasonLength).WithMessage($"The reason can have at most {Conversation.ReasonLength} characters.");
}

/// <summary>State changes: each is audited (who, when, which conversation, outcome) and pushed to the open Inbox pages.</summary>
internal sealed class ConversationActionHandlers(
    IConversationRepository conversations,
    IIntegrationRepository integrations,
    IInboxReadModel readModel,
    IAuditTrail audit,
    IInboxNotifier notifier,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    IUserNames userNames,
    MessengerOptions options,
    TimeProvider clock)
    : ICommandHandler<EscalateCustomer, Result<ConversationView>>,
      ICommandHandler<EscalateConversation, Result<ConversationView>>,
      ICommandHandler<TakeConversation, Result<ConversationView>>,
      ICommandHandler<ReleaseConversation, Result<ConversationView>>,
      ICommandHandler<ResolveConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(EscalateCustomer command, CancellationToken cancellationToken)
    {
        var pageId = command.PageId.Trim();
        var psid = command.Psid.Trim();
        var conversation = await conversations.FindAsync(pageId, psid, cancellationToken);
        if (conversation is null)
        {
            // The bot may escalate before the customer's message reached LeadOps: start the conversation now.
            var integration = await integrations.FindEnabledForPageAsync(pageId, cancellationToken);
            if (integration is null)
            {
                return Result<ConversationView>.NotFound("None of your integrations has this page");
            }

            conversation = Conversation.Start(integration.Id, pageId, psid, clock.GetUtcNow());
            conversations.Add(conversation);
        }

        return await ApplyAsync(conversation, AuditActions.Escalate, c => c.Escalate(command.Reason, clock.GetUtcNow()), cancellationToken);
    }

    public async ValueTask<Result<ConversationView>> Handle(EscalateConversation command, CancellationToken cancellationToken) =>
        await ApplyAsync(command.ConversationId, AuditActions.Escalate, c => c.Escalate(command.Reason, clock.GetUtcNow()), cancellationToken);

    public async ValueTask<Result<ConversationView>> Handle(TakeConversation command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var name = await userNames.GetNameAsync(userId, cancellationToken);
        return await ApplyAsync(command.ConversationId, AuditActions.Take, c => c.Take(userId, name), cancellationToken);
    }

    public async ValueTask<Result<ConversationView>> Handle(ReleaseConversation command, CancellationToken cancellationToken) =>
        await ApplyAsync(command.ConversationId, AuditActions.Release, c => c.Release(), cancellationToken);

    public async ValueTask<Result<ConversationView>> Handle(ResolveConversation command, CancellationToken cancellationToken) =>
        await ApplyAsync(command.ConversationId, AuditActions.Resolve, c => c.Resolve(clock.GetUtcNow()), cancellationToken);

    private async Task<Result<ConversationView>> ApplyAsync(Guid id, string action, Func<Conversation, bool> change, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(id, ct);
        return conversation is null
            ? Result<ConversationView>.NotFound("Conversation not found")
            : await ApplyAsync(conversation, action, change, ct);
    }

    private async Task<Result<ConversationView>> ApplyAsync(Conversation conversation, string action, Func<Conversation, bool> change, CancellationToken ct)
    {
        var changed = change(conversation);
        audit.Record(action, AuditActions.Conversation, conversation.Id.ToString(), changed ? AuditActions.Ok : AuditActions.Unchanged,
            action == AuditActions.Escalate ? conversation.EscalationReason : null);
        await unitOfWork.SaveChangesAsync(ct);
        if (changed)
        {
            await notifier.NotifyAsync(new InboxChange(conversation.OwnerId, conversation.Id, InboxChangeKind.ConversationChanged), CancellationToken.None);
        }

        var pages = await readModel.GetPageNamesAsync(ct);
        return Result<ConversationView>.Ok(ConversationView.From(conversation, pages.GetValueOrDefault(conversation.PageId), clock.GetUtcNow(), options.UseHumanAgentTag));
    }
}
