namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Which lead fields a read asks Graph for: every field LeadOps keeps (<see cref="GraphLeadMapper.Fields"/>) at first. Graph
/// refuses a whole read that names a field the app lacks the capability for, "(#3) Application does not have the capability to
/// make this API call." (facebook/facebook-java-business-sdk issue #450: the same read without that field was answered), or a
/// field it does not know, "(#100) Tried accessing nonexisting field". The read is then asked once more with the fields of
/// Meta's "Retrieving Leads" guide (<see cref="GraphLeadMapper.GuideFields"/>), and the rest of the walk keeps to them; a
/// refusal of those too is Graph's answer and is passed on.
/// </summary>
internal sealed partial class GraphLeadFields(ILogger logger)
{
    public string Current { get; private set; } = GraphLeadMapper.Fields;

    public async Task<T> RunAsync<T>(Func<string, Task<T>> read)
    {
        try
        {
            return await read(Current);
        }
        catch (GraphApiException ex) when (Current != GraphLeadMapper.GuideFields && RefusesAField(ex.Failure))
        {
            Current = GraphLeadMapper.GuideFields;
            LogNarrowed(logger, ex.Failure.Code, ex.Failure.Message);
            return await read(Current);
        }
    }

    private static bool RefusesAField(GraphFailure failure) =>
        (failure.Code == 3 && failure.Kind == GraphFailureKind.PermissionMissing) ||
        (failure.Code == 100 && failure.Message.Contains("nonexisting field", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventName = "GraphLeadFieldsNarrowed", Level = LogLevel.Warning, Message = "Graph refused a lead read for one of its fields (code {Code}: {Reason}); reading the guide's fields only")]
    private static partial void LogNarrowed(ILogger logger, int? code, string reason);
}
