namespace LeadOps.Application.Leads;

/// <summary>
/// Fills in the answers of stored leads that Graph first sent without <c>field_data</c>, from a later read that brings
/// them (a retrieval page or a replayed webhook): one query for those leads, each changed by <see cref="Lead.FillInAnswers"/>
/// and saved with the caller's unit of work. Leads that have answers are never read again for this.
/// </summary>
internal sealed class LeadAnswersFiller(ILeadRepository leads, ILogger<LeadAnswersFiller> logger)
{
    public async Task FillInAsync(IReadOnlyList<FacebookLeadData> read, IReadOnlyDictionary<string, ExistingLead> existing, CancellationToken ct)
    {
        var withAnswers = read
            .Where(d => d.FieldData.Count > 0 && existing.TryGetValue(d.Id, out var stored) && stored.WithoutAnswers)
            .ToDictionary(d => existing[d.Id].Id);
        if (withAnswers.Count == 0)
        {
            return;
        }

        foreach (var lead in await leads.GetTrackedAsync(withAnswers.Keys, ct))
        {
            var data = withAnswers[lead.Id];
            if (lead.FillInAnswers(data.FieldData.Select(a => new LeadAnswer(a.Name, a.Values)), data.Consents))
            {
                logger.LogInformation("Lead {LeadId} was stored without answers; Graph now sent {Count}, filled in", lead.Id, data.FieldData.Count);
            }
        }
    }
}
