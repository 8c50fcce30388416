namespace LeadOps.Domain.Integrations;

/// <summary>What staff did to the integration (connect, reconnect, delete, enable, disable, settings), for the audit trail.</summary>
public sealed partial class Integration : IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Staff changed this integration: <paramref name="change"/> names what (<see cref="IntegrationChanged"/>).</summary>
    public void RecordStaffChange(string change, string? detail = null) => _domainEvents.Add(new IntegrationChanged(this, change, detail));
}
