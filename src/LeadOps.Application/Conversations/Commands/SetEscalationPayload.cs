namespace LeadOps.Application.Conversations.Commands;

/// <summary>Staff choose the postback payload that escalates a conversation to a person at once (empty: <c>HUMAN_AGENT</c>).</summary>
public sealed record SetEscalationPayload(int IntegrationId, string? Payload) : ICommand<Result<MessagingStatus>>;

public sealed class SetEscalationPayloadValidator : AbstractValidator<SetEscalationPayload>
{
    public SetEscalationPayloadValidator() =>
        RuleFor(c => c.Payload).MaximumLength(Integration.EscalationPayloadLength)
            .WithMessage($"A postback payload can have at most {Integration.EscalationPayloadLength} characters.");
}

internal sealed class SetEscalationPayloadHandler(IIntegrationRepository integrations, IUnitOfWork unitOfWork)
    : ICommandHandler<SetEscalationPayload, Result<MessagingStatus>>
{
    public async ValueTask<Result<MessagingStatus>> Handle(SetEscalationPayload command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetWithoutFormsAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<MessagingStatus>.NotFound(IntegrationAccess.IntegrationNotFound);
        }

        integration.UseEscalationPayload(command.Payload);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<MessagingStatus>.Ok(MessagingStatus.From(integration));
    }
}
