namespace LeadOps.GraphSandbox;

/// <summary>An app subscribed to a page, as <c>GET /{page-id}/subscribed_apps</c> lists it.</summary>
internal sealed record SubscribedApp(string Link, string Name, string Id, IReadOnlyList<string> SubscribedFields);
