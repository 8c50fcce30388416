namespace LeadOps.Application.Common.Events;

/// <summary>The save an event is handled in: who acts (the signed-in user, or the owner a background job runs as) and when.</summary>
public sealed record SaveContext(string ActorId, DateTimeOffset Now);
