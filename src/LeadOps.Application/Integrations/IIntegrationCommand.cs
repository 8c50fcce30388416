namespace LeadOps.Application.Integrations;

/// <summary>A command on one of the acting user's integrations, handled by an <see cref="IntegrationHandlerBase{TCommand, T}"/>.</summary>
public interface IIntegrationCommand<T> : ICommand<Result<T>>
{
    int IntegrationId { get; }
}
