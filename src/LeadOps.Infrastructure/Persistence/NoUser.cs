namespace LeadOps.Infrastructure.Persistence;

/// <summary>Nobody: owned rows are invisible and cannot be saved.</summary>
public sealed class NoUser : ICurrentUser
{
    public static readonly NoUser Instance = new();

    public string? UserId => null;
}
