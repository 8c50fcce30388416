namespace LeadOps.GraphSandbox;

/// <summary><c>GET /cdn/{id}</c>: the files behind attachment and profile-picture links; 403 once the link expired, as Meta's CDN answers.</summary>
internal static class CdnRoutes
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cdn/{id}", (SandboxState state, string id) =>
        {
            var file = state.Messages.Cdn.Find(id);
            if (file is null)
            {
                return Results.NotFound();
            }

            return state.Now > file.ExpiresAt
                ? Results.Text("URL signature expired", "text/plain", statusCode: StatusCodes.Status403Forbidden)
                : Results.File(file.Bytes, file.ContentType, file.FileName);
        });
}
