namespace LeadOps.Application.Leads;

/// <summary>What records of one person share (ADR 0022): the ad Meta says brought them, an e-mail key, a phone key.</summary>
public sealed record PersonKeys(string? AdId, string? EmailKey, string? PhoneKey)
{
    public bool IsEmpty => AdId is null && EmailKey is null && PhoneKey is null;
}
