using System.Globalization;

namespace LeadOps.SecurityTests.Support;

/// <summary>One malformed request: what it is, and how to build it (a new message each time).</summary>
public sealed record BadInput(string What, string Method, string Url, Func<HttpContent?> Body);

/// <summary>
/// The bad inputs for one endpoint or page handler: route values of the wrong type or out of range, an invalid UTF-8
/// query, and for those that take a body: malformed JSON, a body of the wrong kind, wrong types, invalid UTF-8, out-of-range
/// numbers and dates in each field, a 10 MB body and a 10,000-deep body.
/// </summary>
public static class BadInputs
{
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF, 0xFE];

    public static IEnumerable<BadInput> For(ProbeTarget target, Func<RouteParameter, string> plausible)
    {
        var url = Url(target, plausible, null, null);
        foreach (var parameter in target.Route.Where(p => p.Constraint is not null))
        {
            foreach (var wrong in new[] { "not-a-number", "99999999999999999999999", "-1" })
            {
                yield return new($"route {parameter.Name}={wrong}", target.Method, Url(target, plausible, parameter, wrong), () => null);
            }
        }

        yield return new("invalid UTF-8 in the query", target.Method, Append(url, "q=%C3%28%FF"), () => null);
        foreach (var field in target.Query)
        {
            foreach (var wrong in WrongValues(field.Type))
            {
                yield return new($"query {field.Name}={wrong}", target.Method, Append(url, $"{Uri.EscapeDataString(field.Name)}={Uri.EscapeDataString(wrong)}"), () => null);
            }
        }

        if (target.Method is "GET" or "HEAD")
        {
            yield break; // a GET's body is not read: its input is the route and the query
        }

        if (!target.TakesBody)
        {
            yield return new("a JSON body where none is taken", target.Method, url, () => Json("{\"reason\":\"x\",\"text\":\"y\"}"));
            yield return new("a form body where none is taken", target.Method, url, () => new StringContent("reason=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
            yield return new("a 10 MB body", target.Method, url, () => Json("{\"x\":\"" + new string('a', 10 * 1024 * 1024) + "\"}"));
            yield break;
        }

        yield return new("malformed JSON", target.Method, url, () => Json("{\"name\": \"x\", "));
        yield return new("a JSON array", target.Method, url, () => Json("[1,2,3]"));
        yield return new("text/plain", target.Method, url, () => new StringContent("hello", Encoding.UTF8, "text/plain"));
        yield return new("invalid UTF-8 JSON", target.Method, url, () => Bytes("application/json", [.. "{\"name\":\""u8.ToArray(), .. InvalidUtf8, .. "\"}"u8.ToArray()]));
        yield return new("a 10 MB body", target.Method, url, () => Json("{\"x\":\"" + new string('a', 10 * 1024 * 1024) + "\"}"));
        yield return new("a 10,000-deep body", target.Method, url, () => Json(new string('[', 10_000) + new string(']', 10_000)));
        foreach (var field in target.Body)
        {
            var isPage = target.Kind == "page";
            foreach (var wrong in WrongValues(field.Type))
            {
                yield return new($"{field.Name}={wrong}", target.Method, url, () => isPage ? Form(field.Name, wrong) : Json($"{{\"{field.Name}\":{JsonValue(field.Type, wrong)}}}"));
            }

            if (Underlying(field.Type) == typeof(string))
            {
                yield return new($"invalid UTF-8 in {field.Name}", target.Method, url, () => isPage
                    ? new StringContent($"{Uri.EscapeDataString(field.Name)}=%C3%28%FF", Encoding.ASCII, "application/x-www-form-urlencoded")
                    : Bytes("application/json", [.. Encoding.UTF8.GetBytes($"{{\"{field.Name}\":\""), .. InvalidUtf8, .. "\"}"u8.ToArray()]));
                if (!isPage)
                {
                    yield return new($"{field.Name} of the wrong type", target.Method, url, () => Json($"{{\"{field.Name}\":12345}}"));
                }
            }
        }
    }

    /// <summary>Values a field of this type cannot take: the wrong type, out-of-range numbers, absurd dates.</summary>
    private static string[] WrongValues(Type type) => Underlying(type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => ["not-a-number", "99999999999999999999999", "1e400"],
        var t when t == typeof(bool) => ["maybe"],
        var t when t == typeof(Guid) => ["not-a-guid"],
        var t when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => ["not-a-date", "9999-12-31", "0001-01-01"],
        var t when t.IsEnum => ["not-a-choice"],
        var t when t == typeof(double) || t == typeof(decimal) => ["not-a-number", "1e400"],
        var t when t != typeof(string) && t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => ["not-a-list"],
        _ => [],
    };

    /// <summary>In JSON: numbers stay numbers where they are out of range, everything else is a string.</summary>
    private static string JsonValue(Type type, string wrong) =>
        wrong is "99999999999999999999999" or "1e400" ? wrong : System.Text.Json.JsonSerializer.Serialize(wrong);

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static string Url(ProbeTarget target, Func<RouteParameter, string> plausible, RouteParameter? replace, string? with)
    {
        var path = target.Pattern;
        foreach (var parameter in target.Route)
        {
            var value = parameter == replace ? Uri.EscapeDataString(with!) : plausible(parameter);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "(:[^}]*)?\\??\\}", value);
        }

        path = "/" + path.Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');
        return target.Handler is null ? path : $"{path}?handler={target.Handler}";
    }

    private static string Append(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(string name, string value) => new(new Dictionary<string, string> { [name] = value });

    private static ByteArrayContent Bytes(string mediaType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(mediaType);
        return content;
    }

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
