namespace LeadOps.Infrastructure.Outgoing;

/// <summary>A webhook endpoint's name resolved only to addresses LeadOps does not connect to (private, loopback, link-local).</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
