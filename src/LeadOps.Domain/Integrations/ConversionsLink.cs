namespace LeadOps.Domain.Integrations;

/// <summary>
/// An integration's link to a Meta dataset (pixel) for the Conversions API for CRM: the dataset id and its access
/// token, encrypted like page tokens, and an optional test event code (test mode: Meta shows the events in Test
/// Events and does not use them).
/// </summary>
public sealed class ConversionsLink : IOwnedByUser
{
    public const int DatasetIdLength = 30;
    public const int TestEventCodeLength = 60;

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; private set; }

    public string DatasetId { get; private set; } = string.Empty;

    public string AccessTokenProtected { get; private set; } = string.Empty;

    public string? TestEventCode { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ConversionsLink For(int integrationId) => new() { IntegrationId = integrationId };

    /// <summary>Links the dataset; a null <paramref name="protectedToken"/> keeps the token already stored.</summary>
    public void Use(string datasetId, string? protectedToken, string? testEventCode, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        DatasetId = datasetId.Trim();
        if (protectedToken is not null)
        {
            AccessTokenProtected = protectedToken;
        }

        TestEventCode = string.IsNullOrWhiteSpace(testEventCode) ? null : testEventCode.Trim();
        UpdatedAt = now;
    }
}
