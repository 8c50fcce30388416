namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// The hourly page check the schedule runs for each enabled integration (ADR 0010): the leadgen subscription (repaired
/// where the token allows), lead access, and the page's forms with their questions (new forms join the schedule; a
/// listing Graph refuses is recorded as forms it would not list, and the rest of the check still runs).
/// </summary>
public sealed record CheckLeadDelivery(int IntegrationId) : IIntegrationCommand<IntegrationView>;

internal sealed class CheckLeadDeliveryHandler(IntegrationAccess access, LeadDeliveryCheck delivery)
    : IntegrationHandlerBase<CheckLeadDelivery, IntegrationView>(access)
{
    protected override async Task<Result<IntegrationView>> HandleAsync(CheckLeadDelivery command, Integration integration, CancellationToken cancellationToken)
    {
        var now = Access.Now;
        if (!integration.MayRetrieve)
        {
            return Result<IntegrationView>.Ok(IntegrationView.From(integration, now));
        }

        // As in a Test: forms Graph will not list are recorded as such and the rest of the check still runs; a refused token stops it.
        var listing = await Access.ListFormsAsync(integration, now, cancellationToken, withQuestions: true);
        var failure = listing is { Kind: GraphFailureKind.TokenInvalid }
            ? listing
            : await Access.CallGraphAsync(integration, credentials => delivery.CheckAsync(integration, credentials, null, cancellationToken));
        if (failure is not null)
        {
            integration.RecordPageChecked(now);
        }

        return await Access.SaveAsync(integration, now, cancellationToken);
    }
}
