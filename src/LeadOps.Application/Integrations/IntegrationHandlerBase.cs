namespace LeadOps.Application.Integrations;

/// <summary>
/// The handler of an <see cref="IIntegrationCommand{T}"/>: loads the acting user's integration (another user's, or an
/// unknown one, is not found) and hands it to <see cref="HandleAsync"/>.
/// </summary>
internal abstract class IntegrationHandlerBase<TCommand, T>(IntegrationAccess access) : ICommandHandler<TCommand, Result<T>>
    where TCommand : IIntegrationCommand<T>
{
    /// <summary>The steps the use cases on one integration share (Graph calls, saving).</summary>
    protected IntegrationAccess Access { get; } = access;

    /// <summary>Runs the use case; an integration whose token works afterwards shows what was held while it did not.</summary>
    public async ValueTask<Result<T>> Handle(TCommand command, CancellationToken cancellationToken) =>
        await Access.WithAsync(command.IntegrationId, async integration =>
        {
            var result = await HandleAsync(command, integration, cancellationToken);
            await Access.ReleaseHeldAsync(integration, cancellationToken);
            return result;
        }, cancellationToken);

    protected abstract Task<Result<T>> HandleAsync(TCommand command, Integration integration, CancellationToken cancellationToken);
}
