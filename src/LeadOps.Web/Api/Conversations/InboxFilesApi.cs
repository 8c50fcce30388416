using LeadOps.Application.Conversations.Queries;
using Microsoft.Net.Http.Headers;

namespace LeadOps.Web.Api.Conversations;

/// <summary>
/// <c>GET /inbox/files/{id}</c> (cookie or API key): LeadOps' copy of an attachment, a customer's profile picture or a
/// file staff sent, to its owner only (another user's file is 404, as an unknown or malformed id is, ADR 0011: the 404
/// page to a browser, ProblemDetails to an API key, ADR 0009). Raster images are shown inline; anything else is a
/// download. Nothing served here can run in the page: no sniffing, a sandboxing CSP (the security headers'
/// <see cref="Security.SecurityHeaders.StoredFiles"/> policy, named where the route is mapped).
/// </summary>
internal static class InboxFilesApi
{
    public const string Path = "/inbox/files";

    public static string UrlOf(Guid fileId) => $"{Path}/{fileId:N}";

    public static async Task<IResult> GetAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new GetStoredFile(id), ct);
        if (!result.IsSuccess)
        {
            // No body: the status-code pages answer it as they answer an id that is none (the 404 page to a browser,
            // ProblemDetails to an API key), so another user's file reads exactly as no file.
            return TypedResults.StatusCode(ApiResults.StatusCodeOf(result.Status));
        }

        // A stored file never changes under its id: its ETag lets the browser keep its copy, but only after asking
        // (no-cache), so that a copy is never shown to someone no longer signed in; sign-out clears the cache (ADR 0011).
        var (file, content) = result.Value!;
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        var etag = new EntityTagHeaderValue($"\"{id:N}\"");
        return file.IsInlineImage
            ? TypedResults.Stream(content, file.ContentType, entityTag: etag)
            : TypedResults.Stream(content, "application/octet-stream", file.FileName ?? "attachment", entityTag: etag);
    }
}
