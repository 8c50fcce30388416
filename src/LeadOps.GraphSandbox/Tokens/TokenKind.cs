namespace LeadOps.GraphSandbox;

/// <summary>What kind of token a call carries.</summary>
internal enum TokenKind
{
    Unknown,
    App,
    Page,
}
