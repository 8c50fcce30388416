namespace LeadOps.Application;

/// <summary>Marker for assembly scanning.</summary>
public sealed class ApplicationAssembly;
