namespace LeadOps.GraphSandbox;

/// <summary>
/// The leads of every form. Only what paging needs is stored (sequence, created time, form); a lead's answers are
/// generated when it is read. Submitted leads fire a <c>leadgen</c> webhook when their page is subscribed.
/// Locks the state's one lock.
/// </summary>
internal sealed class LeadStore(SandboxOptions options, Lock gate, FormStore forms, SubscriptionStore subscriptions, WebhookDispatcher webhooks)
{
    private const long SeedStreamLeadTimes = 1;
    private static readonly TimeSpan SeededLeadsSpan = TimeSpan.FromDays(60);

    /// <summary>A lead's id is this (<see cref="SandboxOptions.LeadIdBase"/> at start) plus its sequence; <see cref="_bySequence"/> holds every lead by it, from 1.</summary>
    private readonly long _idBase = options.LeadIdBase;
    private readonly List<LeadRef> _bySequence = [];

    /// <summary>Each form's leads, sorted ascending by (created time, sequence).</summary>
    private readonly Dictionary<FormState, List<LeadRef>> _byForm = [];

    /// <summary>What was chosen for leads submitted with <see cref="SandboxLead"/> content, by sequence.</summary>
    private readonly Dictionary<long, SandboxLead> _custom = [];

    /// <summary>Test leads that were deleted: their ids read as unknown.</summary>
    private readonly HashSet<long> _deleted = [];

    /// <summary>How many leads the seed made; the later ones are what <see cref="SandboxStateFile"/> keeps.</summary>
    private int _seeded;

    /// <summary>Submits leads as if people had just filled the form in (each announced by its own webhook unless not <paramref name="announce"/>); returns their ids.</summary>
    public IReadOnlyList<string> Submit(string formId, int count, DateTimeOffset? createdTime, bool announce = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            var (form, leads) = FormAndLeads(formId);
            var now = options.TimeProvider.GetUtcNow();
            var created = (createdTime ?? now).ToUnixTimeSeconds();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(Insert(form, leads, created, null, now, announce).Id);
            }

            return ids;
        }
    }

    /// <summary>Submits one lead with chosen content (and a leadgen webhook when the page is subscribed); returns its id.</summary>
    public string Submit(string formId, SandboxLead content)
    {
        lock (gate)
        {
            var (form, leads) = FormAndLeads(formId);
            var now = options.TimeProvider.GetUtcNow();
            return Insert(form, leads, (content.CreatedTime ?? now).ToUnixTimeSeconds(), content, now).Id;
        }
    }

    /// <summary>
    /// <c>POST /{form-id}/test_leads</c>: one test lead per form, created now with the given content. Null when the form
    /// already holds one (Graph's rule: delete it first).
    /// </summary>
    public string? CreateTestLead(FormState form, SandboxLead content)
    {
        lock (gate)
        {
            if (TestLeadsOf(form).Count > 0)
            {
                return null;
            }

            var now = options.TimeProvider.GetUtcNow();
            return Insert(form, LeadsOf(form), now.ToUnixTimeSeconds(), content with { IsTestLead = true }, now).Id;
        }
    }

    /// <summary>The form's test leads (one, unless submitted as such: <see cref="SandboxLead.IsTestLead"/>), oldest first as the edge sorts them.</summary>
    public IReadOnlyList<LeadRef> TestLeadsOf(FormState form)
    {
        lock (gate)
        {
            return [.. LeadsOf(form).Where(IsTestLead)];
        }
    }

    public bool IsTestLead(LeadRef lead)
    {
        lock (gate)
        {
            return _custom.TryGetValue(lead.Sequence, out var custom) && custom.IsTestLead;
        }
    }

    /// <summary><c>DELETE /{lead-id}</c> of a test lead: it leaves its form and its id reads as unknown.</summary>
    public void Delete(LeadRef lead)
    {
        lock (gate)
        {
            LeadsOf(lead.Form).Remove(lead);
            _deleted.Add(lead.Sequence);
        }
    }

    /// <summary>What was chosen for the lead when it was submitted with content (how its time and id are sent); null for any other.</summary>
    public SandboxLead? ChosenFor(LeadRef lead)
    {
        lock (gate)
        {
            return _custom.GetValueOrDefault(lead.Sequence);
        }
    }

    /// <summary>Adds many leads without webhooks, created at deterministic times between <paramref name="oldest"/> and <paramref name="newest"/>.</summary>
    public void AddMany(string formId, int count, DateTimeOffset? oldest, DateTimeOffset? newest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            var (form, leads) = FormAndLeads(formId);
            var now = options.TimeProvider.GetUtcNow();
            var to = (newest ?? now).ToUnixTimeSeconds();
            var from = (oldest ?? now - SeededLeadsSpan).ToUnixTimeSeconds();
            if (from > to)
            {
                throw new ArgumentException("The oldest time must not be after the newest.", nameof(oldest));
            }

            var random = SeededRandom.For(options.Seed, SeedStreamLeadTimes, _bySequence.Count + 1_000_000L);
            var span = (ulong)(to - from + 1);
            leads.Capacity = Math.Max(leads.Capacity, leads.Count + count);
            for (var i = 0; i < count; i++)
            {
                leads.Add(NewLead(form, from + (long)(random.NextUInt64() % span)));
            }

            leads.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        }
    }

    public int CountOf(string formId)
    {
        lock (gate)
        {
            return FormAndLeads(formId).Leads.Count;
        }
    }

    public int CountOf(FormState form)
    {
        lock (gate)
        {
            return LeadsOf(form).Count;
        }
    }

    /// <summary>The lead with this id, by its sequence number; null when the id is not one.</summary>
    public LeadRef? Find(string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var index = number - _idBase - 1;
        lock (gate)
        {
            return index >= 0 && index < _bySequence.Count && !_deleted.Contains(index + 1) ? _bySequence[(int)index] : null;
        }
    }

    /// <summary>What the lead says: the same for the same seed and lead, every time (with what its submitter chose, if anything).</summary>
    public LeadContent Read(LeadRef lead)
    {
        var generated = LeadGenerator.Generate(options.Seed, lead.Sequence, lead.Form.Page.Number, lead.Form.Template);
        SandboxLead? custom;
        lock (gate)
        {
            custom = _custom.GetValueOrDefault(lead.Sequence);
        }

        return custom?.Apply(generated, () => LeadGenerator.AdOf(options.Seed, lead.Sequence, lead.Form.Page.Number)) ?? generated;
    }

    /// <summary>One page of a form's <c>leads</c> edge, newest first.</summary>
    public KeysetPage<LeadRef> Query(FormState form, LeadTimeFilter filter, PageRequest request)
    {
        lock (gate)
        {
            return KeysetPager.Page(LeadsOf(form), LeadRef.KeyOf, filter.MinTime, filter.MaxTime, request);
        }
    }

    /// <summary>
    /// Replaces the leads with <see cref="SandboxOptions.InitialLeadsPerForm"/> per form over the 60 days before
    /// <paramref name="now"/>: times drawn per form from the seed, then numbered oldest first so ids grow with time.
    /// </summary>
    public void Seed(IEnumerable<FormState> seededForms, DateTimeOffset now)
    {
        lock (gate)
        {
            _bySequence.Clear();
            _byForm.Clear();
            _custom.Clear();
            _deleted.Clear();
            var span = (ulong)SeededLeadsSpan.TotalSeconds;
            var nowUnix = now.ToUnixTimeSeconds();
            foreach (var form in seededForms)
            {
                var random = SeededRandom.For(options.Seed, SeedStreamLeadTimes, form.Number);
                var times = new long[options.InitialLeadsPerForm];
                for (var i = 0; i < times.Length; i++)
                {
                    times[i] = nowUnix - (long)(random.NextUInt64() % span);
                }

                Array.Sort(times);
                var leads = new List<LeadRef>(times.Length);
                _byForm.Add(form, leads);
                foreach (var time in times)
                {
                    leads.Add(NewLead(form, time));
                }
            }

            _seeded = _bySequence.Count;
        }
    }

    /// <summary>The leads added since the seed, in id order, as <see cref="SandboxStateFile"/> keeps them.</summary>
    public IReadOnlyList<SavedLead> SinceSeed()
    {
        lock (gate)
        {
            return [.. _bySequence.Skip(_seeded).Select(l =>
                new SavedLead(l.Sequence, l.Form.Id, l.CreatedUnix, _custom.GetValueOrDefault(l.Sequence), IsTestLead(l), _deleted.Contains(l.Sequence)))];
        }
    }

    /// <summary>A kept lead back in its place, under the next id and without a webhook.</summary>
    public LeadRef Restore(SavedLead saved)
    {
        lock (gate)
        {
            var (form, leads) = FormAndLeads(saved.FormId);
            var lead = Insert(form, leads, saved.CreatedUnix, saved.StoredContent, options.TimeProvider.GetUtcNow(), announce: false);
            if (saved.Deleted)
            {
                Delete(lead);
            }

            return lead;
        }
    }

    /// <exception cref="ArgumentException">No form has the id.</exception>
    private (FormState Form, List<LeadRef> Leads) FormAndLeads(string formId)
    {
        var form = forms.Require(formId);
        return (form, LeadsOf(form));
    }

    /// <summary>A form's leads (a new list for a form created after the seed).</summary>
    private List<LeadRef> LeadsOf(FormState form)
    {
        if (!_byForm.TryGetValue(form, out var leads))
        {
            _byForm[form] = leads = [];
        }

        return leads;
    }

    /// <summary>Adds a lead in its place and announces it by webhook when the page is subscribed to leadgen.</summary>
    private LeadRef Insert(FormState form, List<LeadRef> leads, long createdUnix, SandboxLead? content, DateTimeOffset now, bool announce = true)
    {
        var lead = NewLead(form, createdUnix);
        if (content is not null)
        {
            _custom[lead.Sequence] = content;
        }

        leads.Insert(KeysetPager.UpperBound(leads, LeadRef.KeyOf, lead.Key), lead);
        if (announce && subscriptions.Has(form.Page, "leadgen"))
        {
            var body = LeadgenWebhook.Body(
                form.Page.Id, form.Id, lead.Id, createdUnix, Read(lead).Ad?.AdId, now.ToUnixTimeSeconds(), options.WebhookIdsAsNumbers);
            webhooks.Publish("leadgen", form.Page.Id, body);
        }

        return lead;
    }

    private LeadRef NewLead(FormState form, long createdUnix)
    {
        var lead = new LeadRef(_bySequence.Count + 1, createdUnix, form, _idBase);
        _bySequence.Add(lead);
        return lead;
    }
}
