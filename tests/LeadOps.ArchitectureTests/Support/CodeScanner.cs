using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeadOps.ArchitectureTests.Support;

/// <summary>
/// Finds where code uses a name (a method called or passed, a member read), parsed with Roslyn so comments and strings
/// never count, and says which type member each use sits in (a local function counts as its method).
/// </summary>
internal static class CodeScanner
{
    public static IEnumerable<CodeUse> Uses(string source, string file, Func<string, bool> watched)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        return root.DescendantNodes()
            .OfType<SimpleNameSyntax>()
            .Where(n => watched(n.Identifier.ValueText))
            .Select(n => new CodeUse(file, MemberOf(n), n.Identifier.ValueText, n.GetLocation().GetLineSpan().StartLinePosition.Line + 1))
            .ToList();
    }

    /// <summary>Every use in the files under src/.</summary>
    public static IReadOnlyList<CodeUse> UsesInSource(Func<string, bool> watched) =>
        [.. SourceTree.CSharpFiles().SelectMany(f => Uses(File.ReadAllText(f), SourceTree.Relative(f), watched))];

    private static string MemberOf(SyntaxNode node)
    {
        var member = node.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax);
        var type = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? "<top level>";
        var name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            ConstructorDeclarationSyntax => "ctor",
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            FieldDeclarationSyntax f => f.Declaration.Variables.First().Identifier.ValueText,
            EventDeclarationSyntax e => e.Identifier.ValueText,
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText,
            null => null,
            _ => member.Kind().ToString(),
        };
        return name is null ? type : $"{type}.{name}";
    }
}
