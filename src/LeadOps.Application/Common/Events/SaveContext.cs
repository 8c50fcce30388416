namespace LeadOps.Application.Common.Events;

/// <summary>
/// The save an event is handled in: who acts (the signed-in user, or the owner a background job runs as), when, and how
/// when not in their own session (<see cref="Security.ICurrentUser.Via"/>: an API key by name).
/// </summary>
public sealed record SaveContext(string ActorId, DateTimeOffset Now, string? Via = null);
