namespace LeadOps.Application.Account.Commands;

/// <summary>Creates a personal API key; the returned key is shown once and never stored.</summary>
public sealed record CreateApiKey(string Name) : ICommand<CreatedApiKey>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the key a name.").MaximumLength(ApiKey.NameLength);
}

internal sealed class CreateApiKeyHandler(IApiKeyRepository keys, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecret.Generate();
        var entity = ApiKey.Create(command.Name.Trim(), prefix, hash, clock.GetUtcNow());
        keys.Add(entity);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, key);
    }
}
