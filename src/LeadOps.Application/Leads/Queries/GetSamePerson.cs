namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// Leads with the same e-mail or phone (E.164) as this one, and conversations where the customer wrote them or came from
/// its ad: shown together on the lead's page, never merged.
/// </summary>
public sealed record GetSamePerson(long LeadId) : IQuery<Result<SamePerson>>
{
    public const int Limit = 20;
}

internal sealed class GetSamePersonHandler(IPersonLinks links) : IQueryHandler<GetSamePerson, Result<SamePerson>>
{
    public async ValueTask<Result<SamePerson>> Handle(GetSamePerson query, CancellationToken cancellationToken)
    {
        var keys = await links.GetLeadKeysAsync(query.LeadId, cancellationToken);
        if (keys is null)
        {
            return Result<SamePerson>.NotFound("Lead not found");
        }

        // The ad alone says nothing of who submitted the lead: other leads are matched on contacts only.
        var leads = await links.FindLeadsAsync(keys with { AdId = null }, query.LeadId, GetSamePerson.Limit, cancellationToken);
        var conversations = keys.IsEmpty ? [] : await links.FindConversationsAsync(keys, GetSamePerson.Limit, cancellationToken);
        return Result<SamePerson>.Ok(new SamePerson(leads, conversations));
    }
}
