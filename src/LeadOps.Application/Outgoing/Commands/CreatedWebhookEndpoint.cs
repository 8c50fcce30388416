namespace LeadOps.Application.Outgoing.Commands;

/// <summary>A new endpoint and its signing secret, which is shown this once and never again.</summary>
public sealed record CreatedWebhookEndpoint(int Id, string Url, IReadOnlyList<string> Events, string Secret)
{
    public override string ToString() => $"CreatedWebhookEndpoint {{ Id = {Id}, Url = {Url} }}";
}
