using System.Text.RegularExpressions;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Which lead fields a read asks Graph for: every field LeadOps keeps (<see cref="GraphLeadMapper.Fields"/>) at first. Graph
/// refuses a whole read that names a field the app lacks the capability for, "(#3) Application does not have the capability to
/// make this API call." (facebook/facebook-java-business-sdk issue #450: the same read without that field was answered), or a
/// field it does not know, "(#100) Tried accessing nonexisting field (vehicle) on node type (Lead)". Only the vertical
/// fields (<see cref="GraphLeadMapper.VerticalFields"/>) are left out for it: the one Graph names, or, as code 3 names
/// none, all that are still asked; the read is asked again, and the rest of the walk keeps to what is left. A refusal
/// once none is left, or of anything else, is Graph's answer and is passed on. With a <see cref="GraphLeadFieldsMemory"/>
/// a read starts from what the page's earlier reads were left with, and a narrowing Graph then answered is kept there for
/// the page's later reads; it is logged (naming the form or lead) once, by the read that made it, not by every read that
/// starts from it.
/// What is left out (<see cref="LeftOut"/>) is not a sign that the form may hold more leads: a run says it apart.
/// </summary>
internal sealed partial class GraphLeadFields(ILogger logger, string read, GraphLeadFieldsMemory? memory = null, string pageId = "")
{
    private readonly List<string> _vertical = [.. memory?.StartFor(pageId) ?? GraphLeadMapper.VerticalFields];

    /// <summary>The vertical fields this read no longer asks for, in <see cref="GraphLeadMapper.VerticalFields"/>' order.</summary>
    public IReadOnlyList<string> LeftOut => [.. GraphLeadMapper.VerticalFields.Except(_vertical, StringComparer.Ordinal)];

    public string Current => _vertical.Count == 0 ? GraphLeadMapper.GuideFields : GraphLeadMapper.GuideFields + "," + string.Join(',', _vertical);

    public async Task<T> RunAsync<T>(Func<string, Task<T>> ask)
    {
        var refusals = new List<(int? Code, List<string> Fields)>();
        while (true)
        {
            try
            {
                var answer = await ask(Current);
                Remember(refusals);
                return answer;
            }
            catch (GraphApiException ex) when (Refused(ex.Failure) is { } refused)
            {
                _vertical.RemoveAll(refused.Contains);
                refusals.Add((ex.Failure.Code, refused));
            }
        }
    }

    /// <summary>
    /// Only a narrowed read Graph answered is kept for the page's later reads: a code 3 about the app or token rather than
    /// the fields is refused again without them, and must not leave the page's (or another user's) reads without them.
    /// Each refusal is logged with its own code and the fields it left out (a (#100) for one field, then a (#3) for the rest).
    /// </summary>
    private void Remember(List<(int? Code, List<string> Fields)> refusals)
    {
        if (refusals.Count > 0 && (memory?.Narrow(pageId, [.. refusals.SelectMany(r => r.Fields)]) ?? true))
        {
            foreach (var (code, fields) in refusals)
            {
                LogNarrowed(logger, read, code, string.Join(", ", fields));
            }
        }
    }

    /// <summary>The vertical fields still asked that the refusal is about; null when it is about something else.</summary>
    private List<string>? Refused(GraphFailure failure)
    {
        if (_vertical.Count == 0)
        {
            return null;
        }

        if (failure.Code == 3 && failure.Kind == GraphFailureKind.PermissionMissing)
        {
            return [.. _vertical];
        }

        return failure.Code == 100 && NonexistingField().Match(failure.Message) is { Success: true } named
            && named.Groups["node"].Value == "Lead" && _vertical.Contains(named.Groups["field"].Value)
            ? [named.Groups["field"].Value]
            : null;
    }

    [GeneratedRegex(@"nonexisting field \((?<field>[a-z_]+)\) on node type \((?<node>\w+)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex NonexistingField();

    [LoggerMessage(EventName = "GraphLeadFieldsNarrowed", Level = LogLevel.Warning, Message = "Graph refused a lead read of {Read} for {Fields} (code {Code}); it was read without them")]
    private static partial void LogNarrowed(ILogger logger, string read, int? code, string fields);
}
