namespace LeadOps.GraphSandbox;

/// <summary>
/// The token routes: <c>GET /me</c> (the page the token belongs to) and <c>GET /debug_token</c>, which needs the app
/// token <c>{app-id}|{app-secret}</c>. The checks every call's token goes through are in <see cref="GraphPipeline"/>,
/// <see cref="AccessToken"/> and <see cref="AppSecretProof"/>.
/// </summary>
internal static class TokenRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGraph(HttpMethods.Get, "me", FaultRoutes.Me, NodeResolver.Me, ReadMe);
        app.MapGraph(HttpMethods.Get, "debug_token", FaultRoutes.DebugToken, NodeResolver.None, DebugToken);
    }

    /// <summary>The page a page token belongs to; with a user token, the person (<c>{"id","name"}</c>).</summary>
    private static GraphReply ReadMe(GraphCall call) => call.TokenCheck!.Kind == TokenKind.User
        ? GraphReply.Json(new UserJson(SandboxSeed.TokenOwnerUserId, SandboxSeed.TokenOwnerName))
        : PageRoutes.Read(call);

    private static GraphReply DebugToken(GraphCall call)
    {
        var input = call.Param("input_token");
        if (string.IsNullOrEmpty(input))
        {
            return GraphReply.Fail(GraphErrors.InvalidParameter("The parameter input_token is required"));
        }

        var options = call.State.Options;
        var now = call.State.Now;
        var check = call.State.Tokens.Check(input);
        var data = check.Kind switch
        {
            TokenKind.App => new DebugTokenJson.TokenData(options.AppId, "APP", options.AppName, null, null, null, true, null, null, [], null),
            TokenKind.Page => new DebugTokenJson.TokenData(
                options.AppId,
                "PAGE",
                options.AppName,
                check.DataAccessExpiresAt?.ToUnixTimeSeconds(),
                check.IsValid ? null : new DebugTokenJson.TokenError(190, GraphErrors.SessionExpired(check.ExpiresAt ?? now, now).Message, 463),
                check.ExpiresAt?.ToUnixTimeSeconds() ?? 0,
                check.IsValid,
                check.IssuedAt.ToUnixTimeSeconds(),
                check.Page!.Id,
                check.Scopes,
                SandboxSeed.TokenOwnerUserId),
            // As Meta answers a person's token (bk-rs/facebook-apis-rs, facebook-access-token-api/tests/response_body_json_files/
            // debug_token__user_access_token_2.json): "type":"USER", the person's user_id, no profile_id.
            TokenKind.User => new DebugTokenJson.TokenData(
                options.AppId, "USER", options.AppName, now.AddDays(90).ToUnixTimeSeconds(), null, now.AddDays(60).ToUnixTimeSeconds(), true,
                now.ToUnixTimeSeconds(), null, check.Scopes, SandboxSeed.TokenOwnerUserId),
            _ => new DebugTokenJson.TokenData(
                null, null, null, null, new DebugTokenJson.TokenError(190, GraphErrors.CannotParseToken().Message, null), null, false, null, null, [], null),
        };
        return GraphReply.Json(new DebugTokenJson(data));
    }
}
