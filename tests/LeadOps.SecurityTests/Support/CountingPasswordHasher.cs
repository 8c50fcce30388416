using LeadOps.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadOps.SecurityTests.Support;

/// <summary>Identity's own hasher, counting the password checks: a sign-in that checks no password answers faster.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, CountingPasswordHasher.Counter counter) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new(options);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref counter.Verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public sealed class Counter
    {
#pragma warning disable CA1051 // a plain counter shared with Interlocked
        public int Verifications;
#pragma warning restore CA1051
    }
}
