namespace LeadOps.Infrastructure.Persistence;

/// <summary>Thrown when code tries to save a row that belongs to someone other than the acting user.</summary>
public sealed class OwnershipViolationException(string message) : InvalidOperationException(message);
