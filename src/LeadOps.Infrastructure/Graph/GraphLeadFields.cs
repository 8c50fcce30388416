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
/// a read starts from what the page's earlier reads were left with, and a narrowing is kept there for the page's later
/// reads; it is logged (naming the form or lead) once, by the read that made it, not by every read that starts from it.
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
        while (true)
        {
            try
            {
                return await ask(Current);
            }
            catch (GraphApiException ex) when (Refused(ex.Failure) is { } refused)
            {
                _vertical.RemoveAll(refused.Contains);
                if (memory?.Narrow(pageId, _vertical) ?? true)
                {
                    LogNarrowed(logger, read, ex.Failure.Code, string.Join(", ", refused));
                }
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

    [LoggerMessage(EventName = "GraphLeadFieldsNarrowed", Level = LogLevel.Warning, Message = "Graph refused a lead read of {Read} for {Fields} (code {Code}); reading it again without them")]
    private static partial void LogNarrowed(ILogger logger, string read, int? code, string fields);
}
