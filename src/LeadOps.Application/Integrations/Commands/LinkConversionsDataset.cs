using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// Links a Meta dataset (pixel) to an integration for the Conversions API for CRM: its id, its access token (stored
/// encrypted like page tokens; left empty, the stored one is kept) and an optional test event code (test mode).
/// </summary>
public sealed record LinkConversionsDataset(int IntegrationId, string DatasetId, string? AccessToken, string? TestEventCode) : ICommand<Result<ConversionsLinkView>>
{
    public override string ToString() => $"LinkConversionsDataset {{ IntegrationId = {IntegrationId}, DatasetId = {DatasetId} }}";
}

public sealed class LinkConversionsDatasetValidator : AbstractValidator<LinkConversionsDataset>
{
    public LinkConversionsDatasetValidator()
    {
        RuleFor(c => c.DatasetId).Must(id => id is { Length: > 0 and <= ConversionsLink.DatasetIdLength } && id.Trim().All(char.IsAsciiDigit))
            .WithMessage("The dataset id is the number Events Manager shows for the dataset (pixel).");
        RuleFor(c => c.AccessToken).MaximumLength(4000).WithMessage("That access token is too long.")
            .Must(t => t is null || !t.Any(char.IsWhiteSpace)).WithMessage("An access token has no spaces.");
        RuleFor(c => c.TestEventCode).MaximumLength(ConversionsLink.TestEventCodeLength)
            .WithMessage($"A test event code can have at most {ConversionsLink.TestEventCodeLength} characters.");
    }
}

internal sealed class LinkConversionsDatasetHandler(
    IIntegrationRepository integrations, IConversionsRepository conversions, ITokenProtector protector, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<LinkConversionsDataset, Result<ConversionsLinkView>>
{
    public async ValueTask<Result<ConversionsLinkView>> Handle(LinkConversionsDataset command, CancellationToken cancellationToken)
    {
        if (await integrations.GetWithoutFormsAsync(command.IntegrationId, cancellationToken) is null)
        {
            return Result<ConversionsLinkView>.NotFound(IntegrationAccess.IntegrationNotFound);
        }

        var link = await conversions.GetLinkAsync(command.IntegrationId, cancellationToken);
        var token = string.IsNullOrWhiteSpace(command.AccessToken) ? null : protector.Protect(command.AccessToken.Trim());
        if (link is null)
        {
            if (token is null)
            {
                return Result<ConversionsLinkView>.Invalid("An access token is required", "Paste the dataset's Conversions API access token.");
            }

            link = ConversionsLink.For(command.IntegrationId);
            conversions.Add(link);
        }
        else if (token is null && protector.UnprotectOrNull(link.AccessTokenProtected) is null)
        {
            return Result<ConversionsLinkView>.Invalid("An access token is required", GraphFailureText.DatasetTokenUnreadable);
        }

        link.Use(command.DatasetId, token, command.TestEventCode, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<ConversionsLinkView>.Ok(ConversionsLinkView.From(link));
    }
}
