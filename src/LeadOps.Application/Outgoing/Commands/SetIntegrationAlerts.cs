using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>How the owner hears of an integration's new leads (each, hourly digest, none) and escalations.</summary>
public sealed record SetIntegrationAlerts(int IntegrationId, LeadAlertMode Leads, bool Escalations) : ICommand<Result<IntegrationView>>;

public sealed class SetIntegrationAlertsValidator : AbstractValidator<SetIntegrationAlerts>
{
    public SetIntegrationAlertsValidator() => RuleFor(c => c.Leads).IsInEnum().WithMessage("Lead alerts are none, each_lead or hourly_digest.");
}

internal sealed class SetIntegrationAlertsHandler(IntegrationAccess access) : ICommandHandler<SetIntegrationAlerts, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(SetIntegrationAlerts command, CancellationToken cancellationToken) =>
        await access.ChangeAsync(command.IntegrationId, i =>
        {
            i.SetAlerts(command.Leads, command.Escalations);
            i.RecordStaffChange(IntegrationChanged.Settings, $"lead alerts {command.Leads}, escalation alerts {(command.Escalations ? "on" : "off")}");
            return true;
        }, cancellationToken);
}
