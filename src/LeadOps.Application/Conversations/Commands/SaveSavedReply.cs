namespace LeadOps.Application.Conversations.Commands;

/// <summary>Adds a saved reply (no <paramref name="Id"/>) or changes one of the user's own.</summary>
public sealed record SaveSavedReply(Guid? Id, string Title, string Text) : ICommand<Result<Guid>>;

public sealed class SaveSavedReplyValidator : AbstractValidator<SaveSavedReply>
{
    public SaveSavedReplyValidator()
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the reply a title to find it by.")
            .Must(t => t.Trim().Length <= SavedReply.TitleLength).WithMessage($"A title can have at most {SavedReply.TitleLength} characters.");
        RuleFor(c => c.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write the reply's text.")
            .Must(t => t.Trim().Length <= SavedReply.TextLength).WithMessage($"A reply can have at most {SavedReply.TextLength} characters.");
    }
}

internal sealed class SaveSavedReplyHandler(IInboxSettings settings, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SaveSavedReply, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveSavedReply command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        SavedReply? reply;
        if (command.Id is { } id)
        {
            reply = await settings.GetSavedReplyAsync(id, cancellationToken);
            if (reply is null)
            {
                return Result<Guid>.NotFound("Saved reply not found");
            }

            reply.Change(command.Title, command.Text, now);
        }
        else
        {
            if (await settings.CountSavedRepliesAsync(cancellationToken) >= SavedReply.MaxPerUser)
            {
                return Result<Guid>.Unprocessable($"You can keep at most {SavedReply.MaxPerUser} saved replies.");
            }

            reply = SavedReply.Create(command.Title, command.Text, now);
            settings.Add(reply);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(reply.Id);
    }
}
