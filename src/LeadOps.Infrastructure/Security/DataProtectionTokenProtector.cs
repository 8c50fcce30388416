using Microsoft.AspNetCore.DataProtection;

namespace LeadOps.Infrastructure.Security;

/// <summary>Page tokens and other per-integration secrets, encrypted with ASP.NET Core Data Protection.</summary>
internal sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("LeadOps.Integrations.PageToken.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
