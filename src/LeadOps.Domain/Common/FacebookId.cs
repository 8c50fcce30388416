namespace LeadOps.Domain.Common;

/// <summary>Ids Meta hands out (pages, forms, leads, ads, page-scoped customer ids), as LeadOps stores them.</summary>
public static class FacebookId
{
    /// <summary>The column size of every such id; Meta's are 15 to 20 digits.</summary>
    public const int MaxLength = 64;
}
