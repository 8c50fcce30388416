namespace LeadOps.GraphSandbox;

/// <summary>A story a customer replies to: its id and Meta's link to its media (<c>reply_to.story {url, id}</c>).</summary>
public sealed record SandboxStory(string Id, string Url);
