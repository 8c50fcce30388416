using Microsoft.AspNetCore.Identity;

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace LeadOps.Infrastructure.Identity;

/// <summary>
/// Identity's store of users, which drops a user's cached name (<see cref="UserNameCache"/>) once a change to them is
/// saved: every change Identity makes to a user (e-mail, user name, password, lock-out, deletion) goes through
/// <see cref="UpdateAsync"/> or <see cref="DeleteAsync"/>.
/// </summary>
internal sealed class LeadOpsUserStore(LeadOpsDbContext context, UserNameCache names, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, LeadOpsDbContext>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        names.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.DeleteAsync(user, cancellationToken);
        names.Forget(user.Id);
        return result;
    }
}
