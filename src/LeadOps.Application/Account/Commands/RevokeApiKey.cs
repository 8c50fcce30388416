namespace LeadOps.Application.Account.Commands;

public sealed record RevokeApiKey(Guid Id) : ICommand<Result<Guid>>;

internal sealed class RevokeApiKeyHandler(IApiKeyRepository keys, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RevokeApiKey, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await keys.GetAsync(command.Id, cancellationToken);
        if (key is null)
        {
            return Result<Guid>.NotFound("API key not found");
        }

        key.Revoke(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(key.Id);
    }
}
