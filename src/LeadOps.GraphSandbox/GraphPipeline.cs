using System.Security.Cryptography;
using System.Text.Json.Nodes;
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

    public string Token { get; set; } = "";

    public TokenCheck? TokenCheck { get; set; }

    public PageState? Page { get; set; }

    public FormState? Form { get; set; }

    public LeadRef? Lead { get; set; }

    /// <summary>Set by an <see cref="FaultKind.EmptyPageWithNext"/> fault.</summary>
    public bool EmptyPageWithNext { get; set; }

    /// <summary>Set by a <see cref="FaultKind.RepeatedCursor"/> fault.</summary>
    public bool RepeatedCursor { get; set; }

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

/// <summary>What a Graph call answers: JSON with a status, or a Graph error, or (for a fault) a non-Graph body.</summary>
internal sealed record GraphReply(int Status, string Body, string ContentType, GraphError? Error = null)
{
    public const string JsonContentType = "application/json; charset=UTF-8";

    public static GraphReply Json<T>(T value) => new(200, GraphJson.Serialize(value), JsonContentType);

    public static GraphReply Json(JsonNode node) => new(200, GraphJson.Serialize(node), JsonContentType);

    public static GraphReply Fail(GraphError error) => new(error.HttpStatus, "", JsonContentType, error);

    public static GraphReply ProxyError() =>
        new(500, "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>", "text/html; charset=utf-8");

    /// <summary>A status with no body at all, as a load balancer answers.</summary>
    public static GraphReply Bare(int status) => new(status, "", "");
}

/// <summary>
/// What every Graph route does before and after its own work: version and token checks, appsecret_proof, node
/// resolution and ownership, permissions, faults, usage headers, and writing the answer.
/// </summary>
internal static class GraphPipeline
{
    private static readonly TimeSpan DefaultSlowDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DefaultTimeoutDelay = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AppSecretTimeTolerance = TimeSpan.FromMinutes(5);
    private const int DefaultProxyStatus = 502;
    private const string TraceIdItem = "LeadOps.GraphSandbox.TraceId";

    /// <summary>The fbtrace_id of this request, the same one <see cref="RecordedRequest.FbTraceId"/> shows.</summary>
    public static string TraceIdOf(HttpContext http)
    {
        if (http.Items.TryGetValue(TraceIdItem, out var value) && value is string traceId)
        {
            return traceId;
        }

        traceId = http.RequestServices.GetRequiredService<SandboxState>().NextTraceId();
        http.Items[TraceIdItem] = traceId;
        return traceId;
    }

    /// <summary>Runs a Graph route whose node (page, form, lead) is resolved by <paramref name="resolve"/>.</summary>
    public static async Task RunAsync(
        HttpContext http, string version, string route, Func<GraphCall, GraphError?> resolve, Func<GraphCall, Task<GraphReply>> handler)
    {
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var call = new GraphCall(http, state, version, route);
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        GraphReply reply;
        try
        {
            reply = await PrepareAsync(call, resolve, cancel.Token) ?? await handler(call);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client gave up (a timeout fault did its job) or the server is stopping.
            http.Abort();
            return;
        }

        await WriteAsync(call, reply);
    }

    /// <summary>Resolves a path id of a page edge: "me" or the token's own page.</summary>
    public static GraphError? ResolvePage(GraphCall call, string id)
    {
        var tokenPage = call.TokenCheck?.Page;
        if (id == "me")
        {
            call.Page = tokenPage;
            return tokenPage is null ? GraphErrors.PageTokenRequired() : null;
        }

        var page = call.State.FindPage(id);
        if (page is null || page != tokenPage)
        {
            return GraphErrors.UnknownObject(id, MethodWord(call));
        }

        call.Page = page;
        return null;
    }

    /// <summary>Resolves a form id; the form must belong to the token's page.</summary>
    public static GraphError? ResolveForm(GraphCall call, string id)
    {
        var form = call.State.FindForm(id);
        if (form is null || form.Page != call.TokenCheck?.Page)
        {
            return GraphErrors.UnknownObject(id, MethodWord(call));
        }

        call.Form = form;
        call.Page = form.Page;
        return null;
    }

    /// <summary>Resolves any node id (page, form or lead) and names the route after what it is.</summary>
    public static GraphError? ResolveNode(GraphCall call, string id)
    {
        var tokenPage = call.TokenCheck?.Page;
        if (call.State.FindPage(id) is { } page && page == tokenPage)
        {
            call.Route = FaultRoutes.Page;
            call.Page = page;
            return null;
        }

        if (call.State.FindForm(id) is { } form && form.Page == tokenPage)
        {
            call.Route = FaultRoutes.Form;
            call.Form = form;
            call.Page = form.Page;
            return null;
        }

        if (call.State.FindLead(id) is { } lead && lead.Form.Page == tokenPage)
        {
            call.Route = FaultRoutes.Lead;
            call.Lead = lead;
            call.Form = lead.Form;
            call.Page = lead.Form.Page;
            return null;
        }

        return GraphErrors.UnknownObject(id, MethodWord(call));
    }

    public static string? ExtractToken(HttpRequest request, out bool fromHeader)
    {
        fromHeader = false;
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "OAuth "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length)
            {
                fromHeader = true;
                return header[scheme.Length..].Trim();
            }
        }

        if (request.Query.TryGetValue("access_token", out var query) && !StringValues.IsNullOrEmpty(query))
        {
            return query.ToString();
        }

        return request.HasFormContentType && request.Form.TryGetValue("access_token", out var form) && !StringValues.IsNullOrEmpty(form)
            ? form.ToString()
            : null;
    }

    private static string MethodWord(GraphCall call) => call.Http.Request.Method switch
    {
        "POST" => "post",
        "DELETE" => "delete",
        _ => "get",
    };

    private static async Task<GraphReply?> PrepareAsync(GraphCall call, Func<GraphCall, GraphError?> resolve, CancellationToken ct)
    {
        if (!IsVersion(call.Version))
        {
            return GraphReply.Fail(GraphErrors.UnknownPath("/" + call.Version));
        }

        var token = ExtractToken(call.Http.Request, out _);
        if (token is null)
        {
            return GraphReply.Fail(GraphErrors.AccessTokenRequired());
        }

        call.Token = token;
        var check = call.State.CheckToken(token);
        call.TokenCheck = check;
        if (check.Kind == TokenKind.Unknown)
        {
            return GraphReply.Fail(GraphErrors.CannotParseToken());
        }

        if (CheckAppSecretProof(call) is { } proofError)
        {
            return GraphReply.Fail(proofError);
        }

        var isDebugToken = call.Route == FaultRoutes.DebugToken;
        if (check.Kind == TokenKind.App && !isDebugToken)
        {
            return GraphReply.Fail(GraphErrors.PageTokenRequired());
        }

        if (check.Kind == TokenKind.Page && isDebugToken)
        {
            return GraphReply.Fail(GraphErrors.AppTokenRequired());
        }

        if (check.Kind == TokenKind.Page && !check.IsValid)
        {
            call.Page = check.Page;
            return GraphReply.Fail(GraphErrors.SessionExpired(check.ExpiresAt ?? call.State.Now, call.State.Now));
        }

        if (resolve(call) is { } resolveError)
        {
            return GraphReply.Fail(resolveError);
        }

        if (RequiredScope(call.Route) is { } scope && !check.Scopes.Contains(scope))
        {
            return GraphReply.Fail(GraphErrors.PermissionMissing(scope));
        }

        return await ApplyFaultsAsync(call, ct);
    }

    private static async Task<GraphReply?> ApplyFaultsAsync(GraphCall call, CancellationToken ct)
    {
        var rule = call.State.FaultBook.Next(call.Route, call.Page?.Id, call.Form?.Id, call.Param("after") is not null);
        if (rule is not null)
        {
            switch (rule.Kind)
            {
                case FaultKind.Http500:
                    return GraphReply.ProxyError();
                case FaultKind.ProxyError:
                    return GraphReply.Bare(rule.Status ?? DefaultProxyStatus);
                case FaultKind.EmptyPageWithNext:
                    call.EmptyPageWithNext = true;
                    break;
                case FaultKind.RepeatedCursor:
                    call.RepeatedCursor = true;
                    break;
                case FaultKind.Slow:
                    await Task.Delay(rule.Delay ?? DefaultSlowDelay, ct);
                    break;
                case FaultKind.Timeout:
                    await Task.Delay(rule.Delay ?? DefaultTimeoutDelay, ct);
                    break;
                default:
                    if (rule.ToError(call.Route, call.State.Now, call.Token) is { } error)
                    {
                        return GraphReply.Fail(error);
                    }

                    break;
            }
        }

        return call.State.FaultBook.RandomTransient() is { } transient ? GraphReply.Fail(transient) : null;
    }

    private static string? RequiredScope(string route) => route switch
    {
        FaultRoutes.LeadgenForms or FaultRoutes.Leads or FaultRoutes.Lead or FaultRoutes.Form => SandboxSeed.ScopeLeadsRetrieval,
        FaultRoutes.Messages => SandboxSeed.ScopePagesMessaging,
        FaultRoutes.SubscribedApps => SandboxSeed.ScopePagesManageMetadata,
        _ => null,
    };

    private static GraphError? CheckAppSecretProof(GraphCall call)
    {
        var proof = call.Param("appsecret_proof");
        var time = call.Param("appsecret_time");
        var options = call.State.Options;
        if (proof is null)
        {
            return options.RequireAppSecretProof ? GraphErrors.AppSecretProofRequired() : null;
        }

        var data = time is null ? call.Token : call.Token + "|" + time;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.AppSecret), Encoding.UTF8.GetBytes(data));
        byte[] given;
        try
        {
            given = Convert.FromHexString(proof);
        }
        catch (FormatException)
        {
            return GraphErrors.InvalidAppSecretProof();
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return GraphErrors.InvalidAppSecretProof();
        }

        if (time is not null)
        {
            if (!long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            {
                return GraphErrors.InvalidAppSecretTime();
            }

            var age = call.State.Now - DateTimeOffset.FromUnixTimeSeconds(unix);
            if (age.Duration() > AppSecretTimeTolerance)
            {
                return GraphErrors.InvalidAppSecretTime();
            }
        }

        return null;
    }

    private static bool IsVersion(string version)
    {
        // vNN.N: a 'v', digits, a dot, digits.
        if (version.Length < 4 || version[0] != 'v')
        {
            return false;
        }

        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot > 1 && dot < version.Length - 1
            && version[1..dot].All(char.IsAsciiDigit)
            && version[(dot + 1)..].All(char.IsAsciiDigit);
    }

    private static async Task WriteAsync(GraphCall call, GraphReply reply)
    {
        var http = call.Http;
        var state = call.State;
        var traceId = TraceIdOf(http);
        var usage = state.CountCall(call.Page?.Id, FaultRoutes.UseCaseOf(call.Route));
        var throttle = reply.Error?.Throttle;
        var headers = http.Response.Headers;
        headers["x-fb-trace-id"] = traceId;
        headers["facebook-api-version"] = IsVersion(call.Version) ? call.Version : "v25.0";
        headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        headers["X-App-Usage"] = AppUsageHeader(throttle is { AppLevel: true } ? 100 : usage.AppPercent);
        if (usage.PageId is not null)
        {
            headers["X-Business-Use-Case-Usage"] = BusinessUseCaseHeader(usage, throttle);
            if (state.Options.SendPageUsageHeader)
            {
                headers["X-Page-Usage"] = AppUsageHeader(throttle is { AppLevel: false } ? 100 : usage.PageTotalPercent);
            }
        }

        var body = reply.Body;
        if (reply.Error is { } error)
        {
            if (error.Code is 190 or 104)
            {
                headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"{(error.Code == 104 ? "invalid_request" : "invalid_token")}\" \"{error.Message.Replace("\"", "'", StringComparison.Ordinal)}\"";
            }

            body = GraphJson.Serialize(error.ToEnvelope(traceId));
        }

        http.Response.StatusCode = reply.Status;
        if (body.Length == 0)
        {
            return;
        }

        http.Response.ContentType = reply.ContentType;
        await http.Response.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>X-App-Usage and X-Page-Usage share one shape.</summary>
    private static string AppUsageHeader(int percent) =>
        new JsonObject
        {
            ["call_count"] = percent,
            ["total_cputime"] = percent / 2,
            ["total_time"] = percent * 3 / 4,
        }.ToJsonString();

    private static string BusinessUseCaseHeader(UsageSnapshot usage, ThrottleInfo? throttle)
    {
        var percent = throttle is null ? usage.PagePercent : 100;
        var entry = new JsonObject
        {
            ["type"] = throttle?.UseCase ?? usage.UseCase,
            ["call_count"] = percent,
            ["total_cputime"] = percent / 2,
            ["total_time"] = percent * 3 / 4,
            ["estimated_time_to_regain_access"] = throttle?.EstimatedMinutes ?? 0,
        };
        return new JsonObject { [usage.PageId!] = new JsonArray(entry) }.ToJsonString();
    }
}
