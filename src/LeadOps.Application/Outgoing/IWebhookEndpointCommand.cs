namespace LeadOps.Application.Outgoing;

/// <summary>A command on one of the acting user's webhook endpoints, handled by a <see cref="WebhookEndpointHandlerBase{TCommand, T}"/>.</summary>
public interface IWebhookEndpointCommand<T> : ICommand<Result<T>>
{
    int Id { get; }
}
