namespace LeadOps.Domain.Leads;

public enum LeadSource
{
    Webhook,
    ManualRetrieval,
    ScheduledRetrieval,
}

public enum WelcomeStatus
{
    Pending,
    Sent,
    Failed,
    Skipped,
}

/// <summary>A Lead Ads submission, stored exactly once per owner and Facebook lead id.</summary>
public sealed class Lead : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string FacebookLeadId { get; set; } = string.Empty;

    /// <summary>The integration it came through; kept as a plain value so that deleting the integration keeps the lead.</summary>
    public int? IntegrationId { get; set; }

    public string PageId { get; set; } = string.Empty;

    public string FormId { get; set; } = string.Empty;

    public string? FormName { get; set; }

    public string? FullName { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? AdId { get; set; }

    public string? AdName { get; set; }

    public string? AdsetId { get; set; }

    public string? AdsetName { get; set; }

    public string? CampaignId { get; set; }

    public string? CampaignName { get; set; }

    public bool? IsOrganic { get; set; }

    public string? Platform { get; set; }

    /// <summary>When the person submitted the form (Facebook's created_time).</summary>
    public DateTimeOffset CreatedTime { get; set; }

    /// <summary>When LeadOps first stored it, and how it got here.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    public LeadSource Source { get; set; }

    /// <summary>Every answer with the form's question keys, as JSON: <c>[{"name":"email","values":["…"]}]</c>.</summary>
    public string AnswersJson { get; set; } = "[]";

    public WelcomeStatus WelcomeStatus { get; set; } = WelcomeStatus.Pending;

    public string DisplayName => FullName ?? Email ?? Phone ?? FacebookLeadId;
}
