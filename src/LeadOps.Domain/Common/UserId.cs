namespace LeadOps.Domain.Common;

/// <summary>Staff user ids (owners, actors, assignees) as the identity store keys them.</summary>
public static class UserId
{
    public const int MaxLength = 450;
}
