namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// The hourly page check the schedule runs for each enabled integration (ADR 0010): the leadgen subscription (repaired
/// where the token allows), lead access, and the page's forms with their questions (new forms join the schedule).
/// </summary>
public sealed record CheckLeadDelivery(int IntegrationId) : IIntegrationCommand<IntegrationView>;

internal sealed class CheckLeadDeliveryHandler(IntegrationAccess access, IFacebookPageGateway graph, LeadDeliveryCheck delivery)
    : IntegrationHandlerBase<CheckLeadDelivery, IntegrationView>(access)
{
    protected override async Task<Result<IntegrationView>> HandleAsync(CheckLeadDelivery command, Integration integration, CancellationToken cancellationToken)
    {
        var now = Access.Now;
        if (!integration.MayRetrieve)
        {
            return Result<IntegrationView>.Ok(IntegrationView.From(integration, now));
        }

        var failure = await Access.CallGraphAsync(integration, async credentials =>
        {
            integration.MergeForms(await graph.GetLeadFormsWithQuestionsAsync(credentials, cancellationToken), now);
            await delivery.CheckAsync(integration, credentials, null, cancellationToken);
        });
        if (failure is not null)
        {
            integration.RecordPageChecked(now);
        }

        return await Access.SaveAsync(integration, now, cancellationToken);
    }
}
