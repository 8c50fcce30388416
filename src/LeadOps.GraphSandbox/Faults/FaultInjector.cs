namespace LeadOps.GraphSandbox;

/// <summary>Applies the fault that fires for a call (a rule, or a seeded random transient error) once the call passed Graph's checks.</summary>
internal static class FaultInjector
{
    private static readonly TimeSpan DefaultSlowDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DefaultTimeoutDelay = TimeSpan.FromMinutes(5);
    private const int DefaultProxyStatus = 502;

    /// <summary>
    /// The answer a fault gives instead of the route's, or null to let the route answer (perhaps late, or with its
    /// paging shaped by the fault). Delays run on the real clock.
    /// </summary>
    public static async Task<GraphReply?> ApplyAsync(GraphCall call, CancellationToken ct)
    {
        var faults = call.State.FaultBook;
        var rule = faults.Next(call.Route, call.Page?.Id, call.Form?.Id, call.Param("after") is not null);
        if (rule is not null)
        {
            switch (rule.Kind)
            {
                case FaultKind.Http500:
                    return GraphReply.ProxyError();
                case FaultKind.ProxyError:
                    return GraphReply.Bare(rule.Status ?? DefaultProxyStatus);
                case FaultKind.EmptyPageWithNext or FaultKind.RepeatedCursor or FaultKind.EmptyPageRepeatingCursor
                    or FaultKind.TimeBasedPaging or FaultKind.PagingCycle or FaultKind.SamePageNewCursor or FaultKind.TrailingCommas
                    or FaultKind.LeadWithoutFieldData:
                    call.ShapedBy = rule.Kind;
                    break;
                case FaultKind.TooMuchData when AskedFor(call) > rule.MaxPageSize:
                    return GraphReply.Fail(GraphErrors.TooMuchData());
                case FaultKind.TooMuchData:
                    break;
                case FaultKind.DoneButInvalidReply:
                    call.AnswerAfterWork = GraphErrors.InvalidJsonReply();
                    return null;
                case FaultKind.TimeoutAfterWork:
                    call.DelayAfterWork = rule.Delay ?? DefaultTimeoutDelay;
                    return null;
                case FaultKind.Slow:
                    await Task.Delay(rule.Delay ?? DefaultSlowDelay, ct);
                    break;
                case FaultKind.Timeout:
                    await Task.Delay(rule.Delay ?? DefaultTimeoutDelay, ct);
                    break;
                default:
                    if (rule.ToError(call.Route, call.State.Now, call.Token) is { } error)
                    {
                        return rule.Kind == FaultKind.OAuthErrorWithoutBody ? GraphReply.FailWithoutBody(error, rule.HtmlBody) : GraphReply.Fail(error);
                    }

                    break;
            }
        }

        return faults.RandomTransient() is { } transient ? GraphReply.Fail(transient) : null;
    }

    /// <summary>The items an edge call asks for: its <c>limit</c>, else the edge's default.</summary>
    private static int AskedFor(GraphCall call) =>
        int.TryParse(call.Param("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : call.State.Options.DefaultLimit;
}
