namespace LeadOps.ArchitectureTests.Support;

/// <summary>One use of a watched name in code: the file, the type and member it sits in, and the line.</summary>
internal sealed record CodeUse(string File, string Member, string Name, int Line)
{
    public override string ToString() => $"{File}: {Member} uses {Name} (line {Line})";
}
