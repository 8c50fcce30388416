#pragma warning disable CA1050 // The entry point generated from top-level statements lives in the global namespace.

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the entry point.</summary>
public partial class Program;
