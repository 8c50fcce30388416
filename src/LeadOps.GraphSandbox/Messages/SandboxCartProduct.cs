namespace LeadOps.GraphSandbox;

/// <summary>
/// One product of a cart a customer sends from the page's shop (<c>send_cart</c>), written as Meta's reference prints it:
/// the catalog id and the price as numbers, the retailer's id, the name, the currency and the quantity.
/// </summary>
public sealed record SandboxCartProduct(string Id, string Name, decimal UnitPrice, string Currency = "USD", int Quantity = 1)
{
    public string? RetailerId { get; init; }
}
