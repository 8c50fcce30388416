namespace LeadOps.Application.Common;

/// <summary>Commits the changes the repositories collected, in one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
