namespace LeadOps.GraphSandbox;

/// <summary>The ad a lead came from.</summary>
internal sealed record AdInfo(string AdId, string AdName, string AdsetId, string AdsetName, string CampaignId, string CampaignName);
