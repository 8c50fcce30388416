namespace LeadOps.Application.Leads.Welcome;

public sealed record WelcomeCounts(int Pending, int Sent, int Failed, int Skipped);
