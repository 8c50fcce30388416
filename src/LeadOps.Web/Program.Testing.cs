namespace LeadOps.Web;

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the entry point.</summary>
public partial class Program;
