using Microsoft.AspNetCore.Identity;

namespace LeadOps.Infrastructure.Identity;

/// <summary>
/// Creates the first user when there is none: from Bootstrap:AdminEmail/AdminPassword, else (Development) the demo
/// user. Its id is Admin:UserId when set, so the brief's ADMIN_API_KEY acts as that user.
/// </summary>
internal sealed class UserBootstrapper(
    UserManager<ApplicationUser> users,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<AdminOptions> admin,
    IOptions<DemoOptions> demo,
    ILogger<UserBootstrapper> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var (email, password, isDemo) = (bootstrap.Value.AdminEmail, bootstrap.Value.AdminPassword) switch
        {
            ({ Length: > 0 } e, { Length: > 0 } p) => (e, p, false),
            _ when demo.Value.Enabled => (demo.Value.Email, demo.Value.Password, true),
            _ => (null, null, false),
        };
        if (email is null || password is null)
        {
            logger.LogWarning("No user exists and Bootstrap:AdminEmail/AdminPassword are not set: nobody can sign in yet");
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        if (!string.IsNullOrWhiteSpace(admin.Value.UserId))
        {
            user.Id = admin.Value.UserId;
        }

        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        if (isDemo)
        {
            // Development only: the demo credentials are printed so a new user can sign in at once.
            Console.WriteLine($"LeadOps demo user: {email} / {password}");
        }

        logger.LogInformation("Created the first user {UserId}", user.Id);
    }
}
