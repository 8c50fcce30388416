namespace LeadOps.Application.Conversations.Queries;

/// <summary>One conversation with its thread (the newest messages, oldest first) and whether a reply can go out now.</summary>
public sealed record GetConversation(Guid ConversationId, int MessageLimit = GetConversation.DefaultMessageLimit) : IQuery<Result<ConversationDetail>>
{
    public const int DefaultMessageLimit = 200;
}

internal sealed class GetConversationHandler(IInboxReadModel readModel, MessengerOptions options, TimeProvider clock)
    : IQueryHandler<GetConversation, Result<ConversationDetail>>
{
    public async ValueTask<Result<ConversationDetail>> Handle(GetConversation query, CancellationToken cancellationToken)
    {
        var conversation = await readModel.GetConversationAsync(query.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return Result<ConversationDetail>.NotFound("Conversation not found");
        }

        var (messages, total) = await readModel.GetThreadAsync(conversation.Id, Math.Clamp(query.MessageLimit, 1, 1000), cancellationToken);
        var names = await readModel.GetPageNamesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var plan = conversation.PlanReply(MessageSender.Staff, now, options.UseHumanAgentTag);
        var note = plan.Type switch
        {
            ReplyType.Response => "Within 24 hours of the customer's last message: replies go out as a standard response.",
            ReplyType.HumanAgentTag => "More than 24 hours since the customer's last message: replies go out with the human agent tag.",
            _ => plan.Refusal!,
        };
        return Result<ConversationDetail>.Ok(new ConversationDetail(
            ConversationView.From(conversation, names.GetValueOrDefault(conversation.PageId), now, options.UseHumanAgentTag),
            [.. messages.Select(MessageView.From)],
            total,
            plan.Allowed,
            note));
    }
}
