namespace LeadOps.Application.Leads.Commands;

/// <summary>Staff process a Failed webhook delivery of one of their pages again: a fresh round of attempts, due now.</summary>
public sealed record RetryWebhookDelivery(long DeliveryId) : ICommand<Result<long>>;

internal sealed class RetryWebhookDeliveryHandler(IIntegrationRepository integrations, IFailedWebhookDeliveries deliveries)
    : ICommandHandler<RetryWebhookDelivery, Result<long>>
{
    public const string NotFound = "Failed webhook delivery not found";

    public async ValueTask<Result<long>> Handle(RetryWebhookDelivery command, CancellationToken cancellationToken)
    {
        var pages = (await integrations.ListAsync(cancellationToken)).Select(i => i.PageId).Where(p => p.Length > 0).Distinct().ToList();
        return pages.Count > 0 && await deliveries.RequeueAsync(command.DeliveryId, pages, cancellationToken)
            ? Result<long>.Ok(command.DeliveryId)
            : Result<long>.NotFound(NotFound);
    }
}
