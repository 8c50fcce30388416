namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// The hourly page check the schedule runs for each enabled integration (ADR 0010): the leadgen subscription (repaired
/// where the token allows), lead access, and the page's forms with their questions (new forms join the schedule).
/// </summary>
public sealed record CheckLeadDelivery(int IntegrationId) : ICommand<Result<IntegrationView>>;

internal sealed class CheckLeadDeliveryHandler(
    IIntegrationRepository integrations,
    IFacebookPageGateway graph,
    LeadDeliveryCheck delivery,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CheckLeadDelivery, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(CheckLeadDelivery command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<IntegrationView>.NotFound(IntegrationSettings.IntegrationNotFound);
        }

        var now = clock.GetUtcNow();
        if (!integration.MayRetrieve)
        {
            return Result<IntegrationView>.Ok(IntegrationView.From(integration, now));
        }

        var credentials = new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken));
        try
        {
            integration.MergeForms(await graph.GetLeadFormsWithQuestionsAsync(credentials, cancellationToken), now);
            await delivery.CheckAsync(integration, credentials, null, cancellationToken);
        }
        catch (GraphApiException ex)
        {
            integration.RecordFailure(ex.Failure);
            integration.RecordPageChecked(now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, now));
    }
}
