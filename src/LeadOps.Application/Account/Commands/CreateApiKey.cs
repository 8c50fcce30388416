namespace LeadOps.Application.Account.Commands;

/// <summary>
/// Creates a personal API key; the returned key is shown once and never stored. <paramref name="FormToken"/>: the
/// one-time token of the page form that sent it (ADR 0018): sent again (a reload without script), nothing is created
/// and the refusal says so.
/// </summary>
public sealed record CreateApiKey(string Name, Guid? FormToken = null) : ICommand<CreatedApiKey>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the key a name.").MaximumLength(ApiKey.NameLength);
}

internal sealed class CreateApiKeyHandler(IApiKeyRepository keys, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public const string SentAlready =
        "This form was sent already (a reload sends it again): its key was created then and shown that once. Nothing new was created. If the key was not copied, revoke it and create another.";

    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecret.Generate();
        var entity = ApiKey.Create(command.Name.Trim(), prefix, hash, clock.GetUtcNow(), command.FormToken);
        await OneTimeForm.SaveOnceAsync(command.FormToken, entity, keys.FindByFormTokenAsync, keys.Add, keys.TryAddAsync, unitOfWork,
            (nameof(CreateApiKey.FormToken), SentAlready), cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, key);
    }
}
