namespace LeadOps.Web.Security;

/// <summary>
/// Section <c>Operator</c>: the key that monitoring presents (<c>Authorization: Bearer &lt;key&gt;</c>) to read
/// <c>/metrics</c> and the details of <c>/status</c>. It acts as no user and opens no user's data.
/// </summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operator";

    public string? ApiKey { get; set; }
}
