using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>
/// Registers an HTTPS endpoint for some events; answers its secret (shown once, stored encrypted). <paramref name="FormToken"/>:
/// the one-time token of the page form that sent it (ADR 0018): sent again (a reload without script, a double click),
/// nothing is registered and the refusal says so.
/// </summary>
public sealed record RegisterWebhookEndpoint(string Url, IReadOnlyList<string> Events, string? Description = null, Guid? FormToken = null) : ICommand<CreatedWebhookEndpoint>;

public sealed class RegisterWebhookEndpointValidator : AbstractValidator<RegisterWebhookEndpoint>
{
    public RegisterWebhookEndpointValidator(OutgoingWebhookOptions options)
    {
        RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the endpoint's address.")
            .MaximumLength(WebhookEndpoint.UrlLength).WithMessage($"The address can have at most {WebhookEndpoint.UrlLength} characters.")
            .Must(url => WebhookUrlRules.Problem(url, options.AllowLoopbackHttp) is null)
            .WithMessage(c => WebhookUrlRules.Problem(c.Url, options.AllowLoopbackHttp) ?? string.Empty);
        RuleFor(c => c.Events).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose at least one event.")
            .Must(events => events.All(OutgoingEventNames.Subscribable.Contains))
            .WithMessage($"Events are {string.Join(", ", OutgoingEventNames.Subscribable)}.");
        RuleFor(c => c.Description).MaximumLength(WebhookEndpoint.DescriptionLength)
            .WithMessage($"The description can have at most {WebhookEndpoint.DescriptionLength} characters.");
    }
}

internal sealed class RegisterWebhookEndpointHandler(IOutgoingWebhookStore store, ITokenProtector protector, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RegisterWebhookEndpoint, CreatedWebhookEndpoint>
{
    public const string SentAlready =
        "This form was sent already (a reload sends it again): its endpoint was registered then, listed below, and its signing secret shown that once. Nothing new was registered. If its secret was not copied, remove that endpoint and add it again.";

    public async ValueTask<CreatedWebhookEndpoint> Handle(RegisterWebhookEndpoint command, CancellationToken cancellationToken)
    {
        var secret = WebhookSignature.NewSecret();
        var endpoint = WebhookEndpoint.Register(command.Url.Trim(), command.Description?.Trim(), command.Events, protector.Protect(secret), clock.GetUtcNow(), command.FormToken);
        await OneTimeForm.SaveOnceAsync(command.FormToken, endpoint, store.FindByFormTokenAsync, store.Add, store.TryAddAsync, unitOfWork,
            (nameof(RegisterWebhookEndpoint.FormToken), SentAlready), cancellationToken);
        return new CreatedWebhookEndpoint(endpoint.Id, endpoint.Url, endpoint.EventNames, secret);
    }
}
