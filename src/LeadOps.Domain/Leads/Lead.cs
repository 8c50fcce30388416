namespace LeadOps.Domain.Leads;

/// <summary>
/// A Lead Ads submission, stored exactly once per owner and Facebook lead id, with every field Graph gives. Its column
/// limits and how a value is cut to fit are in Lead.Limits.cs; its welcome decision in Lead.Welcome.cs.
/// </summary>
public sealed partial class Lead : Entity, IOwnedByUser
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

    /// <summary>Graph's <c>partner_name</c>, <c>retailer_item_id</c>, and the ids of its <c>home_listing</c>, <c>vehicle</c> and <c>post</c>.</summary>
    public string? PartnerName { get; set; }

    public string? RetailerItemId { get; set; }

    public string? HomeListingId { get; set; }

    public string? VehicleId { get; set; }

    public string? PostId { get; set; }

    /// <summary>When the person submitted the form (Facebook's created_time), or when LeadOps first saw the lead when Graph gave no readable time.</summary>
    public DateTimeOffset CreatedTime { get; set; }

    /// <summary>False when Graph sent no readable created_time: <see cref="CreatedTime"/> is then the time LeadOps first saw the lead.</summary>
    public bool CreatedTimeKnown { get; set; } = true;

    /// <summary>When LeadOps first stored it, and how it got here.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    public LeadSource Source { get; set; }

    /// <summary>Every answer with the form's question keys, as JSON: <c>[{"name":"email","values":["…"]}]</c>.</summary>
    public string AnswersJson { get; set; } = "[]";

    /// <summary>The consent check boxes (<c>custom_disclaimer_responses</c>), as JSON: <c>[{"key":"optional_1","checked":true}]</c>.</summary>
    public string ConsentsJson { get; set; } = "[]";

    /// <summary>Decided when the lead is first stored (<see cref="PlanWelcome"/>), then kept in step by its outbox row.</summary>
    public WelcomeStatus WelcomeStatus { get; internal set; } = WelcomeStatus.Pending;

    public string DisplayName => FullName ?? Email ?? Phone ?? FacebookLeadId;
}
