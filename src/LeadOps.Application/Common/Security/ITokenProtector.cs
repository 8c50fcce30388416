namespace LeadOps.Application.Common.Security;

/// <summary>Encrypts secrets (page tokens) for storage. The database alone never reveals them.</summary>
public interface ITokenProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
