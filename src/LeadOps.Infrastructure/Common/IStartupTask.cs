namespace LeadOps.Infrastructure.Common;

/// <summary>Work that must finish before the app serves requests, run once in registration order.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
