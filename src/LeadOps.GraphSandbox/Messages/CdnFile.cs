namespace LeadOps.GraphSandbox;

/// <summary>A file the sandbox's CDN serves until <see cref="ExpiresAt"/> (sandbox clock), like Meta's signed links.</summary>
internal sealed record CdnFile(string Id, byte[] Bytes, string ContentType, string? FileName, DateTimeOffset ExpiresAt);
