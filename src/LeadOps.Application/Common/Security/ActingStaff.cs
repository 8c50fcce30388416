namespace LeadOps.Application.Common.Security;

/// <summary>The staff member acting now, with the name other staff know them by (for assignments and replies).</summary>
internal sealed class ActingStaff(ICurrentUser currentUser, IUserNames userNames)
{
    public async Task<(string UserId, string? Name)> GetAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return (userId, await userNames.GetNameAsync(userId, cancellationToken));
    }
}
