using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing;

/// <summary>
/// The handler of an <see cref="IWebhookEndpointCommand{T}"/>: loads the acting user's endpoint (another user's, or an
/// unknown one, is not found), lets <see cref="ActAsync"/> change it, then saves.
/// </summary>
internal abstract class WebhookEndpointHandlerBase<TCommand, T>(IOutgoingWebhookStore store, IUnitOfWork unitOfWork) : ICommandHandler<TCommand, Result<T>>
    where TCommand : IWebhookEndpointCommand<T>
{
    protected IOutgoingWebhookStore Store { get; } = store;

    public async ValueTask<Result<T>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        if (await Store.FindAsync(command.Id, cancellationToken) is not { } endpoint)
        {
            return Result<T>.NotFound("No such webhook endpoint.");
        }

        var answer = await ActAsync(command, endpoint, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<T>.Ok(answer);
    }

    protected abstract Task<T> ActAsync(TCommand command, WebhookEndpoint endpoint, CancellationToken cancellationToken);
}
