namespace LeadOps.GraphSandbox;

/// <summary>A person's node as <c>GET /me?fields=id,name</c> answers it with a user token.</summary>
internal sealed record UserJson(string Id, string Name);
