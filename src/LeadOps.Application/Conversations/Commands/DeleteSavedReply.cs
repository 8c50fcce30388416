namespace LeadOps.Application.Conversations.Commands;

/// <summary>Deletes one of the user's saved replies.</summary>
public sealed record DeleteSavedReply(Guid Id) : ICommand<Result<Guid>>;

internal sealed class DeleteSavedReplyHandler(IInboxSettings settings, IUnitOfWork unitOfWork) : ICommandHandler<DeleteSavedReply, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(DeleteSavedReply command, CancellationToken cancellationToken)
    {
        var reply = await settings.GetSavedReplyAsync(command.Id, cancellationToken);
        if (reply is null)
        {
            return Result<Guid>.NotFound("Saved reply not found");
        }

        settings.Remove(reply);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(reply.Id);
    }
}
