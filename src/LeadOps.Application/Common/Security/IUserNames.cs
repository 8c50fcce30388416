namespace LeadOps.Application.Common.Security;

/// <summary>How staff members are named to each other (their e-mail address).</summary>
public interface IUserNames
{
    Task<string?> GetNameAsync(string userId, CancellationToken cancellationToken);
}
