namespace LeadOps.Application.Integrations;

public sealed record IntegrationFormView(string FormId, string Name, string Status, int? LeadsCount, bool SyncEnabled, int SyncIntervalMinutes, DateTimeOffset? Watermark, DateTimeOffset? LastSyncedAt);
