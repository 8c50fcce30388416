namespace LeadOps.Application.Conversations.Queries;

/// <summary>
/// One conversation with its thread (the newest messages, oldest first, with attachments, quotes, edits and reactions),
/// the lead from the same ad, and whether a reply can go out now.
/// </summary>
public sealed record GetConversation(Guid ConversationId, int MessageLimit = GetConversation.DefaultMessageLimit) : IQuery<Result<ConversationDetail>>
{
    public const int DefaultMessageLimit = 200;
}

internal sealed class GetConversationHandler(
    IInboxReadModel readModel,
    IInboxSettings settings,
    IPersonLinks links,
    ActingStaff staff,
    MessengerOptions options,
    AttachmentOptions attachments,
    TimeProvider clock)
    : IQueryHandler<GetConversation, Result<ConversationDetail>>
{
    private const int CustomerLeadLimit = 10;

    public async ValueTask<Result<ConversationDetail>> Handle(GetConversation query, CancellationToken cancellationToken)
    {
        var conversation = await readModel.GetConversationAsync(query.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return Result<ConversationDetail>.NotFound("Conversation not found");
        }

        var now = clock.GetUtcNow();
        var (messages, total) = await readModel.GetThreadAsync(conversation.Id, Math.Clamp(query.MessageLimit, 1, 1000), cancellationToken);
        var extras = await readModel.GetThreadExtrasAsync(conversation.Id, messages, cancellationToken);
        var names = await readModel.GetPageNamesAsync(cancellationToken);
        var refusal = await readModel.GetMessagingRefusalAsync(conversation.IntegrationId, cancellationToken);
        var lead = conversation.ReferralAdId is { } adId ? await readModel.FindLeadByAdAsync(adId, cancellationToken) : null;
        var customerLeads = await links.FindLeadsAsync(
            new PersonKeys(conversation.ReferralAdId, conversation.ContactEmailKey, conversation.ContactPhoneKey), null, CustomerLeadLimit, cancellationToken);
        var thresholds = await settings.GetThresholdsAsync(cancellationToken);
        var pageName = names.GetValueOrDefault(conversation.PageId);
        var (_, staffName) = await staff.GetAsync(cancellationToken);
        var replies = (await settings.ListSavedRepliesAsync(cancellationToken))
            .Select(r => new SavedReplyOption(r.Id, r.Title, r.Expand(conversation.CustomerFirstName, pageName ?? conversation.PageId, staffName)))
            .ToList();
        var plan = conversation.PlanReply(MessageSender.Staff, now, options.UseHumanAgentTag);
        var note = refusal ?? plan.Type switch
        {
            ReplyType.Response => "Within 24 hours of the customer's last message: replies go out as a standard response.",
            ReplyType.HumanAgentTag => "More than 24 hours since the customer's last message: replies go out with the human agent tag.",
            _ => plan.Refusal!,
        };
        return Result<ConversationDetail>.Ok(new ConversationDetail(
            ConversationView.From(conversation, pageName, now, options, thresholds),
            [.. messages.Select(m => MessageView.From(m, extras) with { Unconfirmed = m.IsUnconfirmedAt(now) })],
            total,
            plan.Allowed && refusal is null,
            note)
        {
            Lead = lead,
            CustomerLeads = customerLeads,
            SavedReplies = replies,
            MessagingRefusal = refusal,
            MaxUploadBytes = Math.Min(attachments.MaxUploadBytes, AttachmentOptions.MetaUploadLimit),
        });
    }
}
