namespace LeadOps.GraphSandbox;

/// <summary>What a throttle fault reports in the usage headers.</summary>
internal sealed record ThrottleInfo(string UseCase, int EstimatedMinutes, bool AppLevel);
