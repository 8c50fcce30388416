namespace LeadOps.Application.Outgoing.Queries;

/// <summary>
/// An outgoing event the worker set aside after <paramref name="Attempts"/> failed fan-outs; <paramref name="EventId"/>
/// is the id its endpoints' delivery log lines name.
/// </summary>
public sealed record SetAsideEventView(Guid EventId, string Name, DateTimeOffset OccurredAt, DateTimeOffset SetAsideAt, int Attempts);
