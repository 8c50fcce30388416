namespace LeadOps.GraphSandbox;

/// <summary>
/// The fields a Graph node type has (<paramref name="Known"/>), those it answers when a call names none
/// (<paramref name="Defaults"/>), and its type name as Graph's errors give it (<paramref name="NodeType"/>).
/// </summary>
internal sealed record NodeFields(string NodeType, IReadOnlyList<string> Known, IReadOnlyList<string> Defaults);
