namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// A staff member writes a note for colleagues in a thread: stored and shown apart from messages, never sent to Meta,
/// audited (without its text) through its domain event.
/// </summary>
public sealed record AddInternalNote(Guid ConversationId, string Text) : ICommand<Result<long>>;

public sealed class AddInternalNoteValidator : AbstractValidator<AddInternalNote>
{
    public AddInternalNoteValidator()
    {
        RuleFor(c => c.ConversationId).NotEmpty();
        RuleFor(c => c.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write the note first: it cannot be empty.")
            .Must(t => t.Trim().Length <= MessengerMessage.MaxTextLength).WithMessage($"A note can have at most {MessengerMessage.MaxTextLength} characters.");
    }
}

internal sealed class AddInternalNoteHandler(IConversationRepository conversations, IUnitOfWork unitOfWork, ActingStaff staff, TimeProvider clock)
    : ICommandHandler<AddInternalNote, Result<long>>
{
    public async ValueTask<Result<long>> Handle(AddInternalNote command, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(command.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return Result<long>.NotFound("Conversation not found");
        }

        var (userId, name) = await staff.GetAsync(cancellationToken);
        var note = conversation.AddInternalNote(userId, name, command.Text, clock.GetUtcNow());
        conversations.AddMessage(note);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<long>.Ok(note.Id);
    }
}
