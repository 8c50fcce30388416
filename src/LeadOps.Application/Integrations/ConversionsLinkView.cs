namespace LeadOps.Application.Integrations;

/// <summary>An integration's dataset link as staff see it: never the token, only that one is stored.</summary>
public sealed record ConversionsLinkView(int IntegrationId, string DatasetId, string? TestEventCode, DateTimeOffset UpdatedAt)
{
    public bool TestMode => TestEventCode is not null;

    public static ConversionsLinkView From(ConversionsLink link) => new(link.IntegrationId, link.DatasetId, link.TestEventCode, link.UpdatedAt);
}
