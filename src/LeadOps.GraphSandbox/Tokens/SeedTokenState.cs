namespace LeadOps.GraphSandbox;

/// <summary>How a seeded page token starts.</summary>
internal enum SeedTokenState
{
    NeverExpires,
    Expired,
    ExpiresSoon,
}
