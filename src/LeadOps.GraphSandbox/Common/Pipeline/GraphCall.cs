using Microsoft.Extensions.Primitives;

namespace LeadOps.GraphSandbox;

/// <summary>One Graph call in flight: who is calling, on what, and whether a fault shapes the answer.</summary>
internal sealed class GraphCall(HttpContext http, SandboxState state, string version, string route)
{
    public HttpContext Http { get; } = http;

    public SandboxState State { get; } = state;

    public string Version { get; } = version;

    /// <summary>One of <see cref="FaultRoutes"/>; refined for node reads once the node is known.</summary>
    public string Route { get; set; } = route;

    /// <summary>The <c>{id}</c> segment of the path (a node id or "me"); null on routes without one.</summary>
    public string? PathId => Http.Request.RouteValues["id"] as string;

    public string Token { get; set; } = "";

    public TokenCheck? TokenCheck { get; set; }

    public PageState? Page { get; set; }

    public FormState? Form { get; set; }

    public LeadRef? Lead { get; set; }

    /// <summary>
    /// The fault that fired to shape the answer rather than replace it (its paging, or its JSON's trailing commas), if
    /// any; the properties below say what it asks of the answer.
    /// </summary>
    public FaultKind? ShapedBy { get; set; }

    /// <summary>An <see cref="FaultKind.EmptyPageWithNext"/> or <see cref="FaultKind.EmptyPageRepeatingCursor"/> fault.</summary>
    public bool EmptyPageWithNext => ShapedBy is FaultKind.EmptyPageWithNext or FaultKind.EmptyPageRepeatingCursor;

    /// <summary>A <see cref="FaultKind.RepeatedCursor"/> or <see cref="FaultKind.EmptyPageRepeatingCursor"/> fault.</summary>
    public bool RepeatedCursor => ShapedBy is FaultKind.RepeatedCursor or FaultKind.EmptyPageRepeatingCursor;

    /// <summary>A <see cref="FaultKind.TimeBasedPaging"/> fault.</summary>
    public bool TimeBasedPaging => ShapedBy == FaultKind.TimeBasedPaging;

    /// <summary>A <see cref="FaultKind.PagingCycle"/> fault.</summary>
    public bool PagingCycle => ShapedBy == FaultKind.PagingCycle;

    /// <summary>A <see cref="FaultKind.SamePageNewCursor"/> fault.</summary>
    public bool SamePageNewCursor => ShapedBy == FaultKind.SamePageNewCursor;

    /// <summary>A <see cref="FaultKind.TrailingCommas"/> fault: the answer is written with a comma after each list's last item.</summary>
    public bool TrailingCommas => ShapedBy == FaultKind.TrailingCommas;

    /// <summary>A <see cref="FaultKind.LeadWithoutFieldData"/> fault: the lead, or each lead of the page, is answered without <c>field_data</c>.</summary>
    public bool WithoutFieldData => ShapedBy == FaultKind.LeadWithoutFieldData;

    /// <summary>Set by a <see cref="FaultKind.DoneButInvalidReply"/> fault: the answer given once the route has done its work.</summary>
    public GraphError? AnswerAfterWork { get; set; }

    /// <summary>Set by a <see cref="FaultKind.TimeoutAfterWork"/> fault: how long the answer waits once the route has done its work.</summary>
    public TimeSpan? DelayAfterWork { get; set; }

    /// <summary>A query or form parameter.</summary>
    public string? Param(string name)
    {
        var request = Http.Request;
        if (request.Query.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value))
        {
            return value.ToString();
        }

        return request.HasFormContentType && request.Form.TryGetValue(name, out var formValue) && !StringValues.IsNullOrEmpty(formValue)
            ? formValue.ToString()
            : null;
    }
}
