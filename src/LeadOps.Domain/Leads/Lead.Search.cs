using LeadOps.Domain.Leads.Events;

namespace LeadOps.Domain.Leads;

/// <summary>A lead's search terms (ADR 0017) and the event that tells open Leads pages a lead arrived.</summary>
public sealed partial class Lead
{
    /// <summary>The shortest end of a phone number that is a term of its own (the last 4 digits).</summary>
    public const int MinPhoneTail = 4;

    /// <summary>The folded words a search finds this lead by; stored beside it, written once when the lead is first stored.</summary>
    public List<LeadSearchTerm> SearchTerms { get; private set; } = [];

    /// <summary>
    /// What every new lead does as it is first stored, whoever stores it: computes its search terms (its name's words,
    /// its e-mail address whole and its words, its phone's digits from any position) and announces that it arrived. A save that failed
    /// and is tried again computes the terms afresh and announces the lead once.
    /// </summary>
    public void PrepareFirstSave()
    {
        SearchTerms = [.. Terms().Select(t => new LeadSearchTerm { Term = t, OwnerId = OwnerId })];
        if (!DomainEvents.OfType<LeadArrived>().Any())
        {
            Raise(new LeadArrived(this));
        }
    }

    /// <summary>The distinct folded terms of the lead's name, e-mail and phone.</summary>
    public IReadOnlyList<string> Terms()
    {
        var terms = new List<string>();
        terms.AddRange(SearchFolding.Words(FullName));
        terms.AddRange(SearchFolding.Words(FirstName));
        terms.AddRange(SearchFolding.Words(LastName));
        if (!string.IsNullOrWhiteSpace(Email))
        {
            terms.Add(SearchFolding.Fold(Email.Trim()));
            terms.AddRange(SearchFolding.Words(Email));
        }

        // The phone's digits from every position (at least 4 left): a number is found by its start, its national
        // part without the country code, or its last digits, each still a prefix of one term.
        var digits = SearchFolding.Digits(Phone ?? string.Empty);
        for (var start = 0; start == 0 ? digits.Length > 0 : digits.Length - start >= MinPhoneTail; start++)
        {
            terms.Add(digits[start..]);
        }

        return [.. terms.Select(SearchFolding.Cut).Distinct(StringComparer.Ordinal)];
    }
}
