namespace LeadOps.Application.Account;

/// <summary>Whose personal API key was presented, and which key (its name and public prefix, for the audit trail).</summary>
public sealed record ApiKeyOwner(string UserId, string KeyName, string KeyPrefix)
{
    /// <summary>How the audit trail names the key: <c>API key "crm" (lo_3fa9c1d2)</c>.</summary>
    public string Via => $"API key \"{KeyName}\" ({KeyPrefix})";
}
