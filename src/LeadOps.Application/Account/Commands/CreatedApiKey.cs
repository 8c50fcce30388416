namespace LeadOps.Application.Account.Commands;

public sealed record CreatedApiKey(Guid Id, string Name, string Key)
{
    public override string ToString() => $"CreatedApiKey {{ Id = {Id}, Name = {Name} }}";
}
