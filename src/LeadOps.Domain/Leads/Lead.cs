namespace LeadOps.Domain.Leads;

/// <summary>A Lead Ads submission, stored exactly once per owner and Facebook lead id.</summary>
public sealed class Lead : IOwnedByUser
{
    /// <summary>Full names, and the names of forms, ads, ad sets and campaigns.</summary>
    public const int NameLength = 300;

    /// <summary>First and last names.</summary>
    public const int PartNameLength = 150;

    public const int EmailLength = 320;
    public const int PhoneLength = 64;
    public const int PlatformLength = 20;

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

    /// <summary>Decided when the lead is first stored (<see cref="PlanWelcome"/>), then kept in step by its outbox row.</summary>
    public WelcomeStatus WelcomeStatus { get; internal set; } = WelcomeStatus.Pending;

    public string DisplayName => FullName ?? Email ?? Phone ?? FacebookLeadId;

    /// <summary>
    /// Whether the values read from the answers fit their columns. One that does not is a bad lead: reported as
    /// failed rather than silently cut.
    /// </summary>
    public bool FitsItsColumns =>
        FullName is not { Length: > NameLength } && FirstName is not { Length: > PartNameLength } &&
        LastName is not { Length: > PartNameLength } && Email is not { Length: > EmailLength } && Phone is not { Length: > PhoneLength };

    /// <summary>
    /// A new lead's welcome: pending when its integration sends welcome messages and the lead left an e-mail address,
    /// else skipped. Its outbox row (<see cref="OutboxMessage.WelcomeFor"/>) is written with it.
    /// </summary>
    public void PlanWelcome(bool integrationSendsWelcomes) =>
        WelcomeStatus = integrationSendsWelcomes && Email is not null ? WelcomeStatus.Pending : WelcomeStatus.Skipped;
}
