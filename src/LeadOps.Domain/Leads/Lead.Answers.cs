using System.Text.Json;
using LeadOps.Domain.Leads.Events;

namespace LeadOps.Domain.Leads;

/// <summary>
/// A lead Graph first sent without its answers (no <c>field_data</c>) is stored all the same; when it is met again with
/// answers they are filled in, once. Answers a lead already has are never replaced.
/// </summary>
public sealed partial class Lead
{
    /// <summary>True while the lead holds no answer at all: Graph sent it without <c>field_data</c>.</summary>
    public bool HasNoAnswers => AnswersJson is "[]" or "";

    /// <summary>
    /// Takes in the answers (and the consents) Graph sent for a lead stored without any, with the name, e-mail and phone
    /// read from them where the lead has none yet (and the search terms they bring, ADR 0017); raises <see cref="LeadAnswersFilledIn"/>. Nothing else changes: not
    /// its id, created time, stage, welcome or anything staff set. False (and nothing changed) when the lead already has
    /// answers or none came.
    /// </summary>
    public bool FillInAnswers(IEnumerable<LeadAnswer> answers, IReadOnlyList<LeadConsent> consents)
    {
        var fitted = FitAnswers(answers);
        if (!HasNoAnswers || fitted.Count == 0)
        {
            return false;
        }

        var knownTerms = Terms();
        AnswersJson = JsonSerializer.Serialize(fitted, Json);
        if (ConsentsJson is "[]" or "" && consents.Count > 0)
        {
            Consents = consents;
        }

        var read = new Lead();
        LeadFieldMapper.Apply(read, fitted);
        read.KeepWithinLimits();
        FullName ??= read.FullName;
        FirstName ??= read.FirstName;
        LastName ??= read.LastName;
        Email ??= read.Email;
        Phone ??= read.Phone;
        SetContactKeys();
        SearchTerms.AddRange(Terms().Except(knownTerms, StringComparer.Ordinal).Select(t => new LeadSearchTerm { Term = t, OwnerId = OwnerId, LeadId = Id }));
        Raise(new LeadAnswersFilledIn(this, fitted.Count));
        return true;
    }
}
