using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// An edge's answer (<c>leadgen_forms</c>, <c>leads</c>): <c>data</c> with the requested fields of each item, and
/// Graph's <c>paging</c>, shaped by the <see cref="FaultKind.EmptyPageWithNext"/>, <see cref="FaultKind.RepeatedCursor"/>,
/// <see cref="FaultKind.TimeBasedPaging"/>, <see cref="FaultKind.PagingCycle"/> and <see cref="FaultKind.SamePageNewCursor"/> faults.
/// </summary>
internal static class EdgeReply
{
    private static readonly string[] PagingParameters =
        ["access_token", "appsecret_proof", "appsecret_time", "after", "before", "until", "since", PageRequest.PagingToken, PageRequest.PreviousMark];

    /// <summary>How many times a position was named under a new cursor (each time a cursor never given before).</summary>
    private static long _renamed;

    /// <summary>The page <paramref name="load"/> reads (not read at all under an empty-page fault), as Graph answers it.</summary>
    public static GraphReply Of<T, TJson>(
        GraphCall call, PageRequest request, IReadOnlyList<string> fields, Func<KeysetPage<T>> load, Func<T, TJson> toJson)
    {
        if (call.EmptyPageWithNext)
        {
            return EmptyPageWithNext(call, request.After);
        }

        var page = load();
        var items = page.Items.Select(item => FieldSelection.Pick(GraphJson.ToObject(toJson(item)), fields)).ToList();
        return GraphReply.Json(Edge(call, items, page, request.After));
    }

    private static JsonObject Edge<T>(GraphCall call, List<JsonObject> items, KeysetPage<T> page, PageKey? after)
    {
        var data = new JsonArray([.. items]);
        var result = new JsonObject { ["data"] = data };
        if (call.RepeatedCursor && call.Param("after") is { } repeated)
        {
            // A stuck cursor: the next page is announced at the very cursor this page was asked with.
            var stuck = new PagingJson(
                new PagingJson.CursorPair(page.First?.Encode() ?? repeated, repeated),
                page.HasPrevious && page.First is { } start ? PagingUrl(call, "before", start.Encode()) : null,
                PagingUrl(call, "after", repeated));
            result["paging"] = JsonSerializer.SerializeToNode(stuck, GraphJson.Options);
            return result;
        }

        if (items.Count == 0 || page.First is not { } first || page.Last is not { } last)
        {
            return result;
        }

        if (call.SamePageNewCursor && after is { } at)
        {
            // Paging that never moves on: the next page is this one again, under a cursor never given before.
            var renamed = Renamed(at);
            result["paging"] = JsonSerializer.SerializeToNode(
                new PagingJson(new PagingJson.CursorPair(first.Encode(), renamed), null, PagingUrl(call, "after", renamed)), GraphJson.Options);
            return result;
        }

        if (call.PagingCycle && page.Back is { } back)
        {
            // Paging that goes round: the next page is announced at the cursor the page before this one was asked with.
            var round = new PagingJson(new PagingJson.CursorPair(first.Encode(), back.Encode()), PagingUrl(call, "before", first.Encode()), PagingUrl(call, "after", back.Encode()));
            result["paging"] = JsonSerializer.SerializeToNode(round, GraphJson.Options);
            return result;
        }

        if (call.TimeBasedPaging)
        {
            // Graph's time-based form: no cursors; the neighbours are named by a time and Graph's own paging token.
            var timed = new PagingJson(
                null,
                page.HasPrevious ? PagingUrl(call, ("since", Seconds(first)), (PageRequest.PagingToken, first.Encode()), (PageRequest.PreviousMark, "1")) : null,
                page.HasNext ? PagingUrl(call, ("until", Seconds(last)), (PageRequest.PagingToken, last.Encode())) : null);
            result["paging"] = JsonSerializer.SerializeToNode(timed, GraphJson.Options);
            return result;
        }

        var paging = new PagingJson(
            new PagingJson.CursorPair(first.Encode(), last.Encode()),
            page.HasPrevious ? PagingUrl(call, "before", first.Encode()) : null,
            page.HasNext ? PagingUrl(call, "after", last.Encode()) : null);
        result["paging"] = JsonSerializer.SerializeToNode(paging, GraphJson.Options);
        return result;
    }

    private static GraphReply EmptyPageWithNext(GraphCall call, PageKey? after)
    {
        // With a repeated cursor too: the empty page announces its next page at the cursor it was asked with.
        var cursor = call.RepeatedCursor && call.Param("after") is { } repeated
            ? repeated
            : Renamed(after ?? PageKey.Start);
        var paging = new PagingJson(new PagingJson.CursorPair(cursor, cursor), null, PagingUrl(call, "after", cursor));
        var result = new JsonObject
        {
            ["data"] = new JsonArray(),
            ["paging"] = JsonSerializer.SerializeToNode(paging, GraphJson.Options),
        };
        return GraphReply.Json(result);
    }

    /// <summary>The position <paramref name="key"/> under a cursor never given before.</summary>
    private static string Renamed(PageKey key) => key.EncodeAgain(Interlocked.Increment(ref _renamed));

    private static string PagingUrl(GraphCall call, string cursorName, string cursor) => PagingUrl(call, (cursorName, cursor));

    /// <summary>The full URL of the next or previous page: the same query without any token or proof, and where that page starts.</summary>
    private static string PagingUrl(GraphCall call, params (string Name, string Value)[] position)
    {
        var request = call.Http.Request;
        var query = request.Query
            .Where(p => !PagingParameters.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .Concat(position.Select(p => KeyValuePair.Create(p.Name, (string?)p.Value)));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    /// <summary>A position's time: the item's creation in unix seconds, as Graph's time-based paging names it.</summary>
    private static string Seconds(PageKey key) => key.Time.ToString(CultureInfo.InvariantCulture);
}
