namespace LeadOps.Application.Integrations;

/// <summary>What testing an integration found, and the integration as the test left it.</summary>
public sealed record IntegrationTestResult(IntegrationTestFindings Findings, IntegrationView Integration);
