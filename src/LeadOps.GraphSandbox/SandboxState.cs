namespace LeadOps.GraphSandbox;

/// <summary>
/// Everything the sandbox knows, as a root over one store per resource: pages, tokens, subscriptions, forms, leads
/// and messages, plus the recorded requests, usage, faults and webhook deliveries. Thread-safe: every member may be
/// called from tests while the server is serving. The stores share one lock, so what spans resources (a send that
/// fires webhooks, a reset) is atomic.
/// </summary>
public sealed class SandboxState
{
    private readonly SandboxOptions _options;
    private readonly WebhookDispatcher _webhooks;
    private readonly FaultBook _faults;
    private readonly Lock _gate = new();

    internal SandboxState(SandboxOptions options, WebhookDispatcher webhooks)
    {
        _options = options;
        _webhooks = webhooks;
        _faults = new FaultBook(options.Seed, options.TransientFaultRate);
        Pages = new PageStore(_gate);
        Tokens = new TokenStore(options, _gate);
        Subscriptions = new SubscriptionStore(_gate);
        Forms = new FormStore(_gate);
        Leads = new LeadStore(options, _gate, Forms, Subscriptions, webhooks);
        Messages = new MessageStore(options, _gate, Pages, Subscriptions, webhooks);
        Customers = new CustomerActions(Messages);
        RequestLog = new RecordLog<RecordedRequest>(_gate, options.MaxRecordedRequests);
        Usage = new UsageMeter(options, _gate);
        TraceIds = new TraceIds(options, _gate);
        Conversions = new ConversionsStore(_gate);
        Seed(Now);
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

    public IReadOnlyList<SentMessage> SentMessages => Messages.Sent.All;

    /// <summary>Customers, other apps and Meta acting on Messenger: tap, send images, edit, react, arrive from an ad, answer in the Page inbox…</summary>
    public CustomerActions Customers { get; }

    /// <summary>The most recent Graph requests (up to <see cref="SandboxOptions.MaxRecordedRequests"/>), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => RequestLog.All;

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    public IReadOnlyList<FaultRuleStatus> Faults => _faults.Statuses;

    internal PageStore Pages { get; }

    internal TokenStore Tokens { get; }

    internal SubscriptionStore Subscriptions { get; }

    internal FormStore Forms { get; }

    internal LeadStore Leads { get; }

    internal MessageStore Messages { get; }

    internal RecordLog<RecordedRequest> RequestLog { get; }

    internal UsageMeter Usage { get; }

    internal TraceIds TraceIds { get; }

    internal ConversionsStore Conversions { get; }

    /// <summary>The Conversions API events datasets accepted (<c>POST /{dataset-id}/events</c>), oldest first.</summary>
    public IReadOnlyList<ReceivedConversionEvent> ConversionEvents => Conversions.Received.All;

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
    public IReadOnlyList<string> SubmitLeads(string formId, int count, DateTimeOffset? createdTime = null) =>
        Leads.Submit(formId, count, createdTime);

    /// <summary>
    /// Submits one lead to each form given (a form named twice gets two) and announces them as Meta batches updates
    /// (graph-api/webhooks: one POST may hold up to 1000): one leadgen delivery with an entry per page, in the order the
    /// pages first appear, each holding a change per lead; only pages subscribed to leadgen are in it, and nothing is sent
    /// when none is. Returns the new lead ids in the order of <paramref name="formIds"/>.
    /// </summary>
    public IReadOnlyList<string> SubmitLeadsInOneDelivery(params string[] formIds)
    {
        var ids = formIds.Select(formId => Leads.Submit(formId, 1, null, announce: false)[0]).ToList();
        var changes = ids.Select(id => Leads.Find(id)!.Value).Where(lead => Subscriptions.Has(lead.Form.Page, "leadgen"))
            .Select(lead => new LeadgenWebhook.Change(lead.Form.Page.Id, lead.Form.Id, lead.Id, lead.CreatedUnix, Leads.Read(lead).Ad?.AdId))
            .ToList();
        if (changes.Count > 0)
        {
            // The delivery log names one page per delivery: the first entry's.
            _webhooks.Publish("leadgen", changes[0].PageId, LeadgenWebhook.Batch(changes, Now.ToUnixTimeSeconds(), _options.WebhookIdsAsNumbers));
        }

        return ids;
    }

    /// <summary>
    /// Submits one lead with chosen content: answers, consents, ad names, and how its <c>created_time</c> is sent (left
    /// out, unreadable, unix seconds). What is not given is generated. Fires a leadgen webhook when the page is subscribed.
    /// </summary>
    public string SubmitLead(string formId, SandboxLead lead) => Leads.Submit(formId, lead ?? throw new ArgumentNullException(nameof(lead)));

    /// <summary>
    /// A new form on a page, as if made in Ads Manager (test-ride questions, or <see cref="FormTemplates.DealerVisit"/>'s with
    /// <paramref name="conditionalQuestions"/>; no leads); returns its id. A null status lists it without one (Graph's way).
    /// </summary>
    public string AddForm(string pageId, string name, string? status = "ACTIVE", bool conditionalQuestions = false)
    {
        lock (_gate)
        {
            return Forms.Create(Pages.Require(pageId), name, status, Now, conditionalQuestions ? FormTemplates.DealerVisit : null).Id;
        }
    }

    /// <summary>The form's test lead (<c>POST /{form-id}/test_leads</c>), the newest if it holds several; null if none.</summary>
    public string? TestLeadOf(string formId) => Leads.TestLeadsOf(Forms.Require(formId)) is [.., var lead] ? lead.Id : null;

    /// <summary>
    /// Leads Access Manager: false as if the business had customised Leads Access and left this app out (Graph's
    /// <c>has_lead_access.can_access_lead</c> is then false); true gives access back.
    /// </summary>
    public void SetLeadAccess(string pageId, bool hasLeadAccess)
    {
        lock (_gate)
        {
            Pages.Require(pageId).HasLeadAccess = hasLeadAccess;
        }
    }

    /// <summary>
    /// Adds many leads quickly and without webhooks (for big forms in benchmarks). Created times are spread
    /// deterministically between <paramref name="oldest"/> (default 60 days ago) and <paramref name="newest"/> (default now).
    /// Answers are generated only when a lead is read, so 50,000 leads cost a few megabytes.
    /// </summary>
    public void AddLeads(string formId, int count, DateTimeOffset? oldest = null, DateTimeOffset? newest = null) =>
        Leads.AddMany(formId, count, oldest, newest);

    /// <summary>How many leads a form holds.</summary>
    public int LeadCount(string formId) => Leads.CountOf(formId);

    /// <summary>
    /// A customer writes to a page (a new PSID becomes a new customer). Opens the 24 h window and fires a
    /// Messenger webhook when the page is subscribed. Returns the message id (<c>mid</c>).
    /// </summary>
    public string CustomerSendsMessage(string pageId, string psid, string text) => Customers.Writes(pageId, psid, new CustomerMessage(text));

    /// <summary>The conversation between a page and a customer, oldest first (empty when unknown).</summary>
    public IReadOnlyList<ConversationMessage> GetConversation(string pageId, string psid) => Messages.Conversation(pageId, psid);

    /// <summary>Makes a page's token expired from now on (every call answers 190/463), e.g. in the middle of a walk.</summary>
    public void SetTokenExpired(string pageId)
    {
        lock (_gate)
        {
            Pages.Require(pageId).Token.Expire(Now);
        }
    }

    /// <summary>Subscribes the app to a page's leadgen and messages webhooks, or removes the subscription.</summary>
    public void SetSubscribed(string pageId, bool subscribed)
    {
        lock (_gate)
        {
            Subscriptions.Set(Pages.Require(pageId), subscribed ? SandboxSeed.DefaultSubscribedFields : []);
        }
    }

    /// <summary>Installs <paramref name="count"/> other apps on a page: <c>subscribed_apps</c> lists them before this app.</summary>
    public void InstallOtherApps(string pageId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            Subscriptions.InstallOtherApps(Pages.Require(pageId), count);
        }
    }

    /// <summary>Adds webhook fields to a page's subscription, as an app subscribed elsewhere (the App Dashboard) would have.</summary>
    public void SubscribeFields(string pageId, params string[] fields)
    {
        lock (_gate)
        {
            Subscriptions.Add(Pages.Require(pageId), fields);
        }
    }

    /// <summary>Share of webhook events never delivered from now on (0..1), as <see cref="SandboxOptions.WebhookDropRate"/>.</summary>
    public void SetWebhookDropRate(double rate)
    {
        SandboxOptions.CheckRate(rate, nameof(rate));
        _options.WebhookDropRate = rate;
    }

    /// <summary>
    /// Back to the seeded state: pages, forms, leads and customers as at start; sent messages, requests, webhook log
    /// and faults cleared. The webhook callback URL is kept.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            Seed(Now);
        }

        _faults.Reset(_options.TransientFaultRate);
        _webhooks.Reset();
    }

    public SandboxSummary GetSummary()
    {
        var webhooks = _webhooks.CountByStatus();
        lock (_gate)
        {
            var now = Now;
            var pages = Pages.All.Select(p => new PageSummary(
                p.Id,
                p.Name,
                p.Token.IsValid(now),
                p.Token.ExpiresAt,
                p.Token.Scopes,
                Subscriptions.FieldsOf(p),
                [.. Forms.Of(p).Select(f => new FormSummary(f.Id, f.Name, f.Status, Leads.CountOf(f)))],
                [.. Messages.CustomersOf(p).Select(c => new CustomerSummary(c.Psid, c.Name, c.LastCustomerMessageAt, c.BlockedPage))])).ToList();
            return new SandboxSummary(pages, Messages.Sent.Count, RequestLog.Count, webhooks, _faults.Statuses, _faults.TransientFaultRate, _webhooks.CallbackUrl);
        }
    }

    /// <summary>When the seeded world was built: its times (leads, tokens, customers) are relative to it.</summary>
    internal DateTimeOffset SeededAt { get; private set; }

    /// <summary>Runs <paramref name="work"/> under the state's one lock, so that it sees or changes every store at once.</summary>
    internal T Atomically<T>(Func<T> work)
    {
        lock (_gate)
        {
            return work();
        }
    }

    /// <inheritdoc cref="Atomically{T}(Func{T})"/>
    internal void Atomically(Action work)
    {
        lock (_gate)
        {
            work();
        }
    }

    /// <summary>Builds the seeded world as at <paramref name="now"/>, resource by resource; the order fixes every generated id and time.</summary>
    internal void Seed(DateTimeOffset now)
    {
        SeededAt = now;
        RequestLog.Clear();
        Conversions.Received.Clear();
        Usage.Reset();
        TraceIds.Reset();
        Pages.Seed(now);
        var pages = Pages.All;
        Tokens.Seed(pages);
        Subscriptions.Seed(pages);
        Forms.Seed(pages, now);
        Leads.Seed(Forms.All, now);
        Messages.Seed(Pages.Require(SandboxSeed.MainPageId), now);
    }
}
