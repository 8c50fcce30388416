namespace LeadOps.GraphSandbox;

/// <summary>
/// Everything the sandbox knows: pages, tokens, forms, leads, customers, sent messages, recorded requests, faults
/// and webhook deliveries. Thread-safe: every member may be called from tests while the server is serving.
/// </summary>
public sealed class SandboxState
{
    private const long SeedStreamLeadTimes = 1;
    private const long SeedStreamMessageIds = 5;
    private const long SeedStreamTraceIds = 6;
    private static readonly TimeSpan SeededLeadsSpan = TimeSpan.FromDays(60);
    private static readonly TimeSpan ResponseWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);
    private const int MaxMessageLength = 2000;
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly SandboxOptions _options;
    private readonly WebhookDispatcher _webhooks;
    private readonly FaultBook _faults;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PageState> _pages = [];
    private readonly Dictionary<string, FormState> _forms = [];
    private readonly Dictionary<string, PageState> _pagesByToken = new(StringComparer.Ordinal);
    private readonly List<LeadRef> _leadsBySequence = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<(string PageId, string UseCase), int> _pageCalls = [];
    private long _usageHour;
    private int _appCalls;
    private long _messageCounter;
    private long _traceCounter;

    internal SandboxState(SandboxOptions options, WebhookDispatcher webhooks)
    {
        _options = options;
        _webhooks = webhooks;
        _faults = new FaultBook(options.Seed, options.TransientFaultRate);
        Seed();
    }

    /// <summary>The options the sandbox was started with.</summary>
    public SandboxOptions Options => _options;

    /// <summary>Share of Graph calls answered with a seeded random transient error (code 1 or 2).</summary>
    public double TransientFaultRate
    {
        get => _faults.TransientFaultRate;
        set
        {
            SandboxOptions.CheckRate(value, nameof(value));
            _faults.TransientFaultRate = value;
        }
    }

    /// <summary>Where webhooks go; starts as <see cref="SandboxOptions.WebhookCallbackUrl"/>, null sends none.</summary>
    public string? WebhookCallbackUrl
    {
        get => _webhooks.CallbackUrl;
        set => _webhooks.CallbackUrl = value;
    }

    public IReadOnlyList<SentMessage> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>The most recent Graph requests (up to <see cref="SandboxOptions.MaxRecordedRequests"/>), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    public IReadOnlyList<FaultRuleStatus> Faults => _faults.Statuses;

    internal FaultBook FaultBook => _faults;

    internal DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Completes when every webhook queued so far has been delivered or has failed.</summary>
    public Task WhenWebhooksDrainedAsync(CancellationToken ct = default) => _webhooks.WhenDrainedAsync(ct);

    /// <summary>Adds a fault rule; rules fire in the order they were added.</summary>
    public void SetFault(FaultRule rule) => _faults.Add(rule);

    public void ClearFaults() => _faults.Clear();

    /// <summary>
    /// Submits leads to a form as if people had just filled it in (created now unless given), and fires a leadgen
    /// webhook per lead when the page is subscribed. Returns the new lead ids.
    /// </summary>
    public IReadOnlyList<string> SubmitLeads(string formId, int count, DateTimeOffset? createdTime = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var form = RequireForm(formId);
            var now = Now;
            var created = (createdTime ?? now).ToUnixTimeSeconds();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var lead = NewLead(form, created);
                InsertSorted(form.Leads, lead);
                ids.Add(lead.Id);
                if (form.Page.SubscribedFields.Contains("leadgen"))
                {
                    var adId = LeadGenerator.AdIdOf(_options.Seed, lead.Sequence, form.Page.Number, form.Template);
                    var body = WebhookPayloads.Leadgen(form.Page.Id, form.Id, lead.Id, created, adId, now.ToUnixTimeSeconds(), _options.WebhookIdsAsNumbers);
                    _webhooks.Publish("leadgen", form.Page.Id, body);
                }
            }

            return ids;
        }
    }

    /// <summary>
    /// Adds many leads quickly and without webhooks (for big forms in benchmarks). Created times are spread
    /// deterministically between <paramref name="oldest"/> (default 60 days ago) and <paramref name="newest"/> (default now).
    /// Answers are generated only when a lead is read, so 50,000 leads cost a few megabytes.
    /// </summary>
    public void AddLeads(string formId, int count, DateTimeOffset? oldest = null, DateTimeOffset? newest = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var form = RequireForm(formId);
            var now = Now;
            var to = (newest ?? now).ToUnixTimeSeconds();
            var from = (oldest ?? now - SeededLeadsSpan).ToUnixTimeSeconds();
            if (from > to)
            {
                throw new ArgumentException("The oldest time must not be after the newest.", nameof(oldest));
            }

            var random = SeededRandom.For(_options.Seed, SeedStreamLeadTimes, _leadsBySequence.Count + 1_000_000L);
            var span = (ulong)(to - from + 1);
            form.Leads.Capacity = Math.Max(form.Leads.Capacity, form.Leads.Count + count);
            for (var i = 0; i < count; i++)
            {
                form.Leads.Add(NewLead(form, from + (long)(random.NextUInt64() % span)));
            }

            form.Leads.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        }
    }

    /// <summary>How many leads a form holds.</summary>
    public int LeadCount(string formId)
    {
        lock (_gate)
        {
            return RequireForm(formId).Leads.Count;
        }
    }

    /// <summary>
    /// A customer writes to a page (a new PSID becomes a new customer). Opens the 24 h window and fires a
    /// Messenger webhook when the page is subscribed. Returns the message id (<c>mid</c>).
    /// </summary>
    public string CustomerSendsMessage(string pageId, string psid, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            var page = RequirePage(pageId);
            if (!page.Customers.TryGetValue(psid, out var customer))
            {
                customer = new CustomerState(psid, $"Customer {psid[^4..]}", blockedPage: false);
                page.Customers.Add(psid, customer);
            }

            var now = Now;
            var mid = NextMessageId();
            customer.History.Add(new ConversationMessage(mid, false, text, now));
            customer.LastCustomerMessageAt = now;
            if (page.SubscribedFields.Contains("messages"))
            {
                _webhooks.Publish("messages", page.Id, WebhookPayloads.CustomerMessage(page.Id, psid, mid, text, now.ToUnixTimeMilliseconds()));
            }

            return mid;
        }
    }

    /// <summary>The conversation between a page and a customer, oldest first (empty when unknown).</summary>
    public IReadOnlyList<ConversationMessage> GetConversation(string pageId, string psid)
    {
        lock (_gate)
        {
            return _pages.TryGetValue(pageId, out var page) && page.Customers.TryGetValue(psid, out var customer)
                ? [.. customer.History]
                : [];
        }
    }

    /// <summary>Makes a page's token expired from now on (every call answers 190/463), e.g. in the middle of a walk.</summary>
    public void SetTokenExpired(string pageId)
    {
        lock (_gate)
        {
            var page = RequirePage(pageId);
            page.Token.ForcedExpired = true;
            page.Token.ExpiresAt = Now;
        }
    }

    /// <summary>Subscribes the app to a page's leadgen and messages webhooks, or removes the subscription.</summary>
    public void SetSubscribed(string pageId, bool subscribed)
    {
        lock (_gate)
        {
            var page = RequirePage(pageId);
            page.SubscribedFields.Clear();
            if (subscribed)
            {
                page.SubscribedFields.UnionWith(SandboxSeed.DefaultSubscribedFields);
            }
        }
    }

    /// <summary>
    /// Back to the seeded state: pages, forms, leads and customers as at start; sent messages, requests, webhook log
    /// and faults cleared. The webhook callback URL is kept.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            Seed();
        }

        _faults.Reset(_options.TransientFaultRate);
        _webhooks.Reset();
    }

    public SandboxSummary GetSummary()
    {
        var deliveries = _webhooks.Deliveries;
        var webhooks = Enum.GetValues<WebhookDeliveryStatus>().ToDictionary(s => s.ToString(), s => deliveries.Count(d => d.Status == s));
        webhooks["Duplicates"] = deliveries.Count(d => d.IsDuplicate);
        lock (_gate)
        {
            var now = Now;
            var pages = _pages.Values.OrderBy(p => p.Number).Select(p => new PageSummary(
                p.Id,
                p.Name,
                p.Token.IsValid(now),
                p.Token.ExpiresAt,
                p.Token.Scopes,
                [.. p.SubscribedFields.Order(StringComparer.Ordinal)],
                [.. p.Forms.Select(f => new FormSummary(f.Id, f.Name, f.Status, f.Leads.Count))],
                [.. p.Customers.Values.Select(c => new CustomerSummary(c.Psid, c.Name, c.LastCustomerMessageAt, c.BlockedPage))])).ToList();
            return new SandboxSummary(pages, _sent.Count, _requests.Count, webhooks, _faults.Statuses, _faults.TransientFaultRate, _webhooks.CallbackUrl);
        }
    }

    internal TokenCheck CheckToken(string token)
    {
        if (token == SandboxSeed.AppAccessToken(_options))
        {
            return new TokenCheck(TokenKind.App, null, [], true, DateTimeOffset.UnixEpoch, null, null);
        }

        lock (_gate)
        {
            if (!_pagesByToken.TryGetValue(token, out var page))
            {
                return new TokenCheck(TokenKind.Unknown, null, [], false, DateTimeOffset.UnixEpoch, null, null);
            }

            var t = page.Token;
            return new TokenCheck(TokenKind.Page, page, t.Scopes, t.IsValid(Now), t.IssuedAt, t.ExpiresAt, t.DataAccessExpiresAt);
        }
    }

    internal PageState? FindPage(string id)
    {
        lock (_gate)
        {
            return _pages.GetValueOrDefault(id);
        }
    }

    internal FormState? FindForm(string id)
    {
        lock (_gate)
        {
            return _forms.GetValueOrDefault(id);
        }
    }

    internal LeadRef? FindLead(string id)
    {
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var index = number - LeadRef.IdBase - 1;
        lock (_gate)
        {
            return index >= 0 && index < _leadsBySequence.Count ? _leadsBySequence[(int)index] : null;
        }
    }

    internal LeadContent ReadLead(LeadRef lead) =>
        LeadGenerator.Generate(_options.Seed, lead.Sequence, lead.Form.Page.Number, lead.Form.Template);

    internal KeysetPage<LeadRef> QueryLeads(FormState form, long minTime, long maxTime, PageKey? after, PageKey? before, int limit)
    {
        lock (_gate)
        {
            return KeysetPager.Page(form.Leads, LeadRef.KeyOf, minTime, maxTime, after, before, limit);
        }
    }

    internal KeysetPage<FormState> QueryForms(PageState page, PageKey? after, PageKey? before, int limit)
    {
        lock (_gate)
        {
            var sorted = page.Forms.OrderBy(f => FormKey(f)).ToList();
            return KeysetPager.Page(sorted, FormKey, long.MinValue, long.MaxValue, after, before, limit);
        }
    }

    internal static PageKey FormKey(FormState form) => new(form.CreatedUnix, form.Number);

    internal int LeadCountOf(FormState form)
    {
        lock (_gate)
        {
            return form.Leads.Count;
        }
    }

    internal IReadOnlyList<string> SubscribedFieldsOf(PageState page)
    {
        lock (_gate)
        {
            return [.. page.SubscribedFields.Order(StringComparer.Ordinal)];
        }
    }

    internal void Subscribe(PageState page, IEnumerable<string> fields)
    {
        lock (_gate)
        {
            page.SubscribedFields.UnionWith(fields);
        }
    }

    internal void Unsubscribe(PageState page)
    {
        lock (_gate)
        {
            page.SubscribedFields.Clear();
        }
    }

    /// <summary>Applies the Send API rules and, when they pass, records the message and fires echo and delivery webhooks.</summary>
    internal (SentMessage? Sent, GraphError? Error) Send(PageState page, string psid, string text, string messagingType, string? tag)
    {
        if (text.Length > MaxMessageLength)
        {
            return (null, GraphErrors.MessageTooLong());
        }

        lock (_gate)
        {
            if (!page.Customers.TryGetValue(psid, out var customer))
            {
                return (null, GraphErrors.NoMatchingUser());
            }

            if (customer.BlockedPage)
            {
                return (null, GraphErrors.PersonUnavailable());
            }

            var now = Now;
            var window = messagingType == "MESSAGE_TAG" && tag == "HUMAN_AGENT" ? HumanAgentWindow : ResponseWindow;
            if (customer.LastCustomerMessageAt is not { } last || now - last > window)
            {
                return (null, GraphErrors.OutsideWindow());
            }

            var mid = NextMessageId();
            var sent = new SentMessage(page.Id, psid, text, messagingType, tag, mid, now);
            _sent.Add(sent);
            customer.History.Add(new ConversationMessage(mid, true, text, now));
            if (page.SubscribedFields.Contains("messages") || page.SubscribedFields.Contains("message_echoes"))
            {
                _webhooks.Publish("message_echoes", page.Id, WebhookPayloads.Echo(page.Id, psid, mid, text, _options.AppId, now.ToUnixTimeMilliseconds()));
            }

            if (page.SubscribedFields.Contains("messages") || page.SubscribedFields.Contains("message_deliveries"))
            {
                _webhooks.Publish("message_deliveries", page.Id, WebhookPayloads.Delivery(page.Id, psid, mid, now.ToUnixTimeMilliseconds()));
            }

            return (sent, null);
        }
    }

    internal void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count >= _options.MaxRecordedRequests)
            {
                _requests.RemoveRange(0, Math.Max(1, _options.MaxRecordedRequests / 10));
            }

            _requests.Add(request);
        }
    }

    /// <summary>Counts a call against the app and, when page-scoped, the page's use case; returns the usage in percent.</summary>
    internal UsageSnapshot CountCall(string? pageId, string useCase)
    {
        lock (_gate)
        {
            var hour = Now.ToUnixTimeSeconds() / 3600;
            if (hour != _usageHour)
            {
                _usageHour = hour;
                _appCalls = 0;
                _pageCalls.Clear();
            }

            _appCalls++;
            var appPercent = Percent(_appCalls, _options.AppCallsPerHourBudget);
            if (pageId is null)
            {
                return new UsageSnapshot(appPercent, null, useCase, 0);
            }

            var key = (pageId, useCase);
            var calls = _pageCalls.GetValueOrDefault(key) + 1;
            _pageCalls[key] = calls;
            var pageTotal = _pageCalls.Where(c => c.Key.PageId == pageId).Sum(c => c.Value);
            return new UsageSnapshot(
                appPercent, pageId, useCase, Percent(calls, _options.PageCallsPerHourBudget), Percent(pageTotal, _options.PageCallsPerHourBudget));
        }
    }

    /// <summary>A deterministic, realistic-looking <c>fbtrace_id</c>.</summary>
    internal string NextTraceId()
    {
        long counter;
        lock (_gate)
        {
            counter = ++_traceCounter;
        }

        return "A" + RandomChars(SeededRandom.For(_options.Seed, SeedStreamTraceIds, counter), 22);
    }

    private static int Percent(int calls, int budget) => (int)Math.Min(100, (long)calls * 100 / budget);

    private static string RandomChars(SeededRandom random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Base62[random.Next(Base62.Length)]);
        }

        return builder.ToString();
    }

    private string NextMessageId()
    {
        var counter = ++_messageCounter;
        return "m_" + RandomChars(SeededRandom.For(_options.Seed, SeedStreamMessageIds, counter), 64);
    }

    private LeadRef NewLead(FormState form, long createdUnix)
    {
        var lead = new LeadRef(_leadsBySequence.Count + 1, createdUnix, form);
        _leadsBySequence.Add(lead);
        return lead;
    }

    private static void InsertSorted(List<LeadRef> leads, LeadRef lead)
    {
        var index = KeysetPager.UpperBound(leads, LeadRef.KeyOf, lead.Key);
        leads.Insert(index, lead);
    }

    private FormState RequireForm(string formId) =>
        _forms.GetValueOrDefault(formId) ?? throw new ArgumentException($"Unknown form '{formId}'.", nameof(formId));

    private PageState RequirePage(string pageId) =>
        _pages.GetValueOrDefault(pageId) ?? throw new ArgumentException($"Unknown page '{pageId}'.", nameof(pageId));

    /// <summary>Builds the seeded world. Called under the lock (or from the constructor).</summary>
    private void Seed()
    {
        _pages.Clear();
        _forms.Clear();
        _pagesByToken.Clear();
        _leadsBySequence.Clear();
        _sent.Clear();
        _requests.Clear();
        _pageCalls.Clear();
        _appCalls = 0;
        _messageCounter = 0;
        _traceCounter = 0;

        var now = Now;
        var formNumber = 0;
        foreach (var seedPage in SandboxSeed.Pages)
        {
            DateTimeOffset? expiresAt = seedPage.TokenState switch
            {
                SeedTokenState.Expired => now.AddDays(-2),
                SeedTokenState.ExpiresSoon => now + SandboxSeed.ExpiringTokenLifetime,
                _ => null,
            };
            var issuedAt = seedPage.TokenState == SeedTokenState.Expired ? now.AddDays(-62) : now.AddDays(-10);
            var page = new PageState(seedPage, new TokenState(seedPage.Token, seedPage.Scopes, issuedAt, expiresAt));
            _pages.Add(page.Id, page);
            _pagesByToken.Add(page.Token.Value, page);
            foreach (var seedForm in seedPage.Forms)
            {
                var form = new FormState(seedForm, page, ++formNumber, (now - seedForm.Age).ToUnixTimeSeconds());
                page.Forms.Add(form);
                _forms.Add(form.Id, form);
            }
        }

        // Leads: created times drawn per form from the seed, then numbered oldest first so ids grow with time.
        var span = (ulong)SeededLeadsSpan.TotalSeconds;
        var nowUnix = now.ToUnixTimeSeconds();
        foreach (var form in _forms.Values.OrderBy(f => f.Number))
        {
            var random = SeededRandom.For(_options.Seed, SeedStreamLeadTimes, form.Number);
            var times = new long[_options.InitialLeadsPerForm];
            for (var i = 0; i < times.Length; i++)
            {
                times[i] = nowUnix - (long)(random.NextUInt64() % span);
            }

            Array.Sort(times);
            foreach (var time in times)
            {
                form.Leads.Add(NewLead(form, time));
            }
        }

        var main = _pages[SandboxSeed.MainPageId];
        foreach (var seedCustomer in SandboxSeed.MainPageCustomers)
        {
            var customer = new CustomerState(seedCustomer.Psid, seedCustomer.Name, seedCustomer.BlockedPage);
            var last = now - seedCustomer.LastMessageAge;
            var count = seedCustomer.Messages.Count;
            for (var i = 0; i < count; i++)
            {
                var at = last - TimeSpan.FromMinutes(3 * (count - 1 - i));
                customer.History.Add(new ConversationMessage(NextMessageId(), false, seedCustomer.Messages[i], at));
            }

            customer.LastCustomerMessageAt = last;
            main.Customers.Add(customer.Psid, customer);
        }
    }
}
