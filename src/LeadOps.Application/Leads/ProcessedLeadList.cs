using System.Collections;
using System.Globalization;

namespace LeadOps.Application.Leads;

/// <summary>
/// The per-lead results of one retrieval, which the brief's API answer lists in full. A long retrieval has tens of
/// thousands, so they are kept as compact values (a numeric Facebook id as a number, no object per lead) and a
/// <see cref="ProcessedLead"/> is made only when read. Also answers whether a lead id was already handled in this run.
/// </summary>
public sealed class ProcessedLeadList : IReadOnlyList<ProcessedLead>
{
    private readonly List<Entry> _items = [];
    private readonly HashSet<long> _numericIds = [];
    private readonly HashSet<string> _otherIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _errors = [];

    /// <summary>
    /// One result. <see cref="NumericId"/> holds a canonical decimal id (Graph's lead ids); any other id is kept as
    /// <see cref="OtherId"/>. <see cref="LeadId"/> 0 means none.
    /// </summary>
    private readonly record struct Entry(long NumericId, string? OtherId, long LeadId, ProcessedLeadStatus Status, string? Name);

    public int Count => _items.Count;

    public ProcessedLead this[int index]
    {
        get
        {
            var item = _items[index];
            var id = item.OtherId ?? item.NumericId.ToString(CultureInfo.InvariantCulture);
            return new ProcessedLead(id, item.Status, item.LeadId == 0 ? null : item.LeadId, item.Name, _errors.GetValueOrDefault(index));
        }
    }

    public void Add(string facebookLeadId, ProcessedLeadStatus status, long? leadId, string? name, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(facebookLeadId);
        if (error is not null)
        {
            _errors[_items.Count] = error;
        }

        if (TryNumeric(facebookLeadId, out var numeric))
        {
            _items.Add(new Entry(numeric, null, leadId ?? 0, status, name));
            _numericIds.Add(numeric);
        }
        else
        {
            _items.Add(new Entry(0, facebookLeadId, leadId ?? 0, status, name));
            if (facebookLeadId.Length > 0)
            {
                // A lead without an id names no lead: another one without an id is not the same lead.
                _otherIds.Add(facebookLeadId);
            }
        }
    }

    /// <summary>Whether this run already has a result for the lead.</summary>
    public bool Contains(string? facebookLeadId) =>
        facebookLeadId is not null &&
        (TryNumeric(facebookLeadId, out var numeric) ? _numericIds.Contains(numeric) : _otherIds.Contains(facebookLeadId));

    public IEnumerator<ProcessedLead> GetEnumerator()
    {
        for (var i = 0; i < _items.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A positive decimal that reads back as exactly the same text (no sign, no leading zero, fits a long).</summary>
    private static bool TryNumeric(string id, out long value)
    {
        value = 0;
        if (id.Length is 0 or > 18 || id[0] == '0')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
