namespace LeadOps.GraphSandbox;

/// <summary>
/// What every Graph route does before and after its own work: version and token checks, appsecret_proof, node
/// resolution and ownership, permissions, faults, usage headers, and writing the answer.
/// </summary>
internal static class GraphPipeline
{
    private const string DefaultVersion = "v25.0";

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
            reply = Check(call, resolve) is { } error
                ? GraphReply.Fail(error)
                : await FaultInjector.ApplyAsync(call, cancel.Token) ?? await handler(call);
            if (call.AnswerAfterWork is { } answer)
            {
                reply = GraphReply.Fail(answer);
            }

            if (call.DelayAfterWork is { } wait)
            {
                await Task.Delay(wait, cancel.Token);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client gave up (a timeout fault did its job) or the server is stopping.
            http.Abort();
            return;
        }

        await WriteAsync(call, reply);
    }

    /// <summary>Graph's checks, in Graph's order: version, token, proof, kind of token, expiry, node, permission.</summary>
    private static GraphError? Check(GraphCall call, Func<GraphCall, GraphError?> resolve)
    {
        if (!IsVersion(call.Version))
        {
            return GraphErrors.UnknownPath("/" + call.Version);
        }

        if (AccessToken.Read(call.Http.Request) is not { } token)
        {
            return GraphErrors.AccessTokenRequired();
        }

        call.Token = token;
        var check = call.State.Tokens.Check(token);
        call.TokenCheck = check;
        if (check.Kind == TokenKind.Unknown)
        {
            return GraphErrors.CannotParseToken();
        }

        if (AppSecretProof.Check(call) is { } proofError)
        {
            return proofError;
        }

        if ((check.Kind == TokenKind.Dataset) != (call.Route == FaultRoutes.Events))
        {
            // A dataset token opens the events edge only; page tokens do not send Conversions API events here.
            return check.Kind == TokenKind.Dataset ? GraphErrors.PageTokenRequired() : GraphErrors.UnknownObject(call.PathId ?? "", "post");
        }

        var isDebugToken = call.Route == FaultRoutes.DebugToken;
        if (check.Kind == TokenKind.App && !isDebugToken)
        {
            return GraphErrors.PageTokenRequired();
        }

        if (check.Kind is TokenKind.Page or TokenKind.User && isDebugToken)
        {
            return GraphErrors.AppTokenRequired();
        }

        if (check.Kind == TokenKind.User && call.Route != FaultRoutes.Me)
        {
            return UserTokenError(call);
        }

        if (check.Kind == TokenKind.Page && !check.IsValid)
        {
            call.Page = check.Page;
            return GraphErrors.SessionExpired(check.ExpiresAt ?? call.State.Now, call.State.Now);
        }

        if (resolve(call) is { } resolveError)
        {
            return resolveError;
        }

        return RequiredScope(call.Route) is { } scope && !check.Scopes.Contains(scope) ? GraphErrors.PermissionMissing(scope) : null;
    }

    /// <summary>
    /// A person's token on anything but <c>/me</c>: an edge of the person's own node does not exist on a User, and a page's
    /// edges must be called with a page token.
    /// </summary>
    private static GraphError UserTokenError(GraphCall call)
    {
        var path = (call.Http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return path.Length == 3 && path[1] is "me" or SandboxSeed.TokenOwnerUserId
            ? GraphErrors.NonexistingField(path[2], "User")
            : GraphErrors.PageTokenRequired();
    }

    private static string? RequiredScope(string route) => route switch
    {
        FaultRoutes.LeadgenForms or FaultRoutes.Leads or FaultRoutes.Lead or FaultRoutes.Form or FaultRoutes.TestLeads => SandboxSeed.ScopeLeadsRetrieval,
        FaultRoutes.Messages or FaultRoutes.ThreadControl or FaultRoutes.UserProfile => SandboxSeed.ScopePagesMessaging,
        FaultRoutes.SubscribedApps => SandboxSeed.ScopePagesManageMetadata,
        _ => null,
    };

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

    /// <summary>Writes the answer with Graph's headers (trace id, version, usage); an error becomes Graph's error body.</summary>
    private static async Task WriteAsync(GraphCall call, GraphReply reply)
    {
        var http = call.Http;
        var traceId = TraceIds.Of(http);
        var usage = call.State.Usage.Count(call.Page?.Id, FaultRoutes.UseCaseOf(call.Route));
        var headers = http.Response.Headers;
        headers["x-fb-trace-id"] = traceId;
        headers["facebook-api-version"] = IsVersion(call.Version) ? call.Version : DefaultVersion;
        headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        UsageHeaders.Write(headers, usage, reply.Error?.Throttle, call.State.Options.SendPageUsageHeader);

        var body = reply.Body;
        if (reply.Error is { } error)
        {
            if (error.Code is 190 or 104)
            {
                headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"{(error.Code == 104 ? "invalid_request" : "invalid_token")}\" \"{error.Message.Replace("\"", "'", StringComparison.Ordinal)}\"";
            }

            body = reply.BodyInsteadOfError ?? GraphJson.Serialize(error.ToEnvelope(traceId));
        }
        else if (call.TrailingCommas && body.Length > 0)
        {
            body = TrailingCommaJson.Rewrite(body);
        }

        http.Response.StatusCode = reply.Status;
        if (body.Length == 0)
        {
            return;
        }

        http.Response.ContentType = reply.ContentType;
        await http.Response.WriteAsync(body, http.RequestAborted);
    }
}
