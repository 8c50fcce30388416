using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Messenger: each page's customers and their conversations, the Send API's rules (2000 characters, a customer who
/// blocked the page, the 24-hour RESPONSE and 7-day HUMAN_AGENT windows), attachments, sender actions, thread control
/// and the User Profile API. Events fire webhooks for the fields the page is subscribed to. Locks the state's one lock.
/// </summary>
internal sealed class MessageStore(SandboxOptions options, Lock gate, PageStore pages, SubscriptionStore subscriptions, WebhookDispatcher webhooks)
{
    private const long SeedStreamMessageIds = 5;
    private const int MaxMessageLength = 2000;
    private static readonly TimeSpan ResponseWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    private readonly Dictionary<PageState, Dictionary<string, CustomerState>> _customers = [];
    private readonly HashSet<PageState> _profilesRefused = [];
    private readonly HashSet<PageState> _routedByMeta = [];
    private readonly HashSet<PageState> _takeAnswersOwner = [];
    private long _messageCounter;

    public CdnStore Cdn { get; } = new(options, gate);

    /// <summary>The messages the Send API accepted, oldest first.</summary>
    public RecordLog<SentMessage> Sent { get; } = new(gate);

    public RecordLog<SenderActionCall> SenderActions { get; } = new(gate);

    public RecordLog<ThreadControlCall> ThreadControlCalls { get; } = new(gate);

    internal DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    internal string AppId => options.AppId;

    /// <summary>The page's customers, in the order they first wrote.</summary>
    public IReadOnlyList<CustomerState> CustomersOf(PageState page)
    {
        lock (gate)
        {
            return _customers.TryGetValue(page, out var customers) ? [.. customers.Values] : [];
        }
    }

    /// <summary>The conversation between a page and a customer, oldest first (empty when unknown).</summary>
    public IReadOnlyList<ConversationMessage> Conversation(string pageId, string psid)
    {
        lock (gate)
        {
            return pages.Find(pageId) is { } page && Find(page, psid) is { } customer ? [.. customer.History] : [];
        }
    }

    public CustomerState? Find(PageState page, string psid)
    {
        lock (gate)
        {
            return _customers.TryGetValue(page, out var customers) ? customers.GetValueOrDefault(psid) : null;
        }
    }

    /// <summary>The customer (a new PSID becomes a new customer) and the page, for an event the driver makes.</summary>
    public (PageState Page, CustomerState Customer) Require(string pageId, string psid)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        lock (gate)
        {
            var page = pages.Require(pageId);
            if (!_customers.TryGetValue(page, out var customers))
            {
                customers = [];
                _customers.Add(page, customers);
            }

            if (!customers.TryGetValue(psid, out var customer))
            {
                customer = new CustomerState(psid, CustomerState.NameFor(psid), blockedPage: false);
                customers.Add(psid, customer);
            }

            return (page, customer);
        }
    }

    public PageState PageOf(string pageId)
    {
        lock (gate)
        {
            return pages.Require(pageId);
        }
    }

    /// <summary>How many message ids were given out: the next one follows from it.</summary>
    public long MessageCount
    {
        get { lock (gate) { return _messageCounter; } }
        set { lock (gate) { _messageCounter = value; } }
    }

    public string NextMessageId()
    {
        lock (gate)
        {
            return "m_" + SeededRandom.For(options.Seed, SeedStreamMessageIds, ++_messageCounter).NextBase62(64);
        }
    }

    /// <summary>Posts the event when the page is subscribed to <paramref name="field"/> (or to one of <paramref name="alsoWhen"/>).</summary>
    public void Publish(PageState page, string field, JsonObject messengerEvent, DateTimeOffset at, MessengerShape shape, params string[] alsoWhen)
    {
        if (subscriptions.Has(page, [field, .. alsoWhen]))
        {
            webhooks.Publish(field, page.Id, MessengerWebhooks.Body(page.Id, field, messengerEvent, at, shape));
        }
    }

    /// <summary>Whether Meta would give this page's customers' profiles (the app's Business Asset User Profile Access).</summary>
    public void SetProfilesRefused(PageState page, bool refused) => Toggle(_profilesRefused, page, refused);

    public bool ProfilesRefused(PageState page) => Contains(_profilesRefused, page);

    public void SetWithoutProfile(string pageId, string psid, bool gone)
    {
        lock (gate)
        {
            var customer = Require(pageId, psid).Customer;
            customer.WithoutProfile = true;
            customer.ProfileGone = gone;
        }
    }

    /// <summary>A page whose conversations Meta routes itself (a default app under Conversation Routing): handover calls are refused.</summary>
    public void SetRoutedByMeta(PageState page, bool routed) => Toggle(_routedByMeta, page, routed);

    public bool RoutedByMeta(PageState page) => Contains(_routedByMeta, page);

    /// <summary>
    /// A page whose <c>take_thread_control</c> answers with the thread's owner and when it goes idle, as Meta's Conversation
    /// Control guide prints it, instead of <c>{"success":true}</c>.
    /// </summary>
    public void SetTakeAnswersOwner(PageState page, bool on) => Toggle(_takeAnswersOwner, page, on);

    public bool TakeAnswersOwner(PageState page) => Contains(_takeAnswersOwner, page);

    /// <summary>
    /// Applies the Send API rules and, when they pass, records the message and fires echo and delivery webhooks; the echo
    /// carries the message's <paramref name="metadata"/>, as Meta's does.
    /// </summary>
    public (SentMessage? Sent, GraphError? Error) Send(PageState page, string psid, string? text, SentAttachment? attachment, string messagingType, string? tag, string? metadata = null)
    {
        if (text is { Length: > MaxMessageLength })
        {
            return (null, GraphErrors.MessageTooLong());
        }

        lock (gate)
        {
            if (Find(page, psid) is not { } customer)
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
            var sent = new SentMessage(page.Id, psid, text ?? string.Empty, messagingType, tag, mid, now) { Attachment = attachment, Metadata = metadata };
            Sent.Add(sent);
            customer.History.Add(new ConversationMessage(mid, true, text ?? $"({attachment?.Type})", now));
            var echoed = attachment is null ? null : new JsonArray(new JsonObject
            {
                ["type"] = attachment.Type,
                ["payload"] = new JsonObject { ["url"] = attachment.Url ?? Cdn.Add(attachment.Bytes ?? [], attachment.ContentType ?? "application/octet-stream", attachment.FileName) },
            });
            Publish(page, "message_echoes", MessengerEventJson.Echo(page.Id, psid, mid, text, echoed, options.AppId, now, MessengerShape.Default, metadata), now, MessengerShape.Default, "messages");
            Publish(page, "message_deliveries", MessengerEventJson.Delivery(page.Id, psid, mid, now, MessengerShape.Default), now, MessengerShape.Default, "messages");
            return (sent, null);
        }
    }

    /// <summary>
    /// Forgets every customer and send, and gives the main page its seeded customers, whose last messages are as old
    /// as <see cref="SandboxSeed"/> says at <paramref name="now"/>.
    /// </summary>
    public void Seed(PageState main, DateTimeOffset now)
    {
        lock (gate)
        {
            _customers.Clear();
            _profilesRefused.Clear();
            _routedByMeta.Clear();
            _takeAnswersOwner.Clear();
            Sent.Clear();
            SenderActions.Clear();
            ThreadControlCalls.Clear();
            Cdn.Clear();
            _messageCounter = 0;
            var customers = new Dictionary<string, CustomerState>();
            _customers.Add(main, customers);
            foreach (var seed in SandboxSeed.MainPageCustomers)
            {
                var customer = new CustomerState(seed.Psid, seed.Name, seed.BlockedPage);
                var last = now - seed.LastMessageAge;
                var count = seed.Messages.Count;
                for (var i = 0; i < count; i++)
                {
                    var at = last - TimeSpan.FromMinutes(3 * (count - 1 - i));
                    customer.History.Add(new ConversationMessage(NextMessageId(), false, seed.Messages[i], at));
                }

                customer.LastCustomerMessageAt = last;
                customers.Add(customer.Psid, customer);
            }
        }
    }

    private void Toggle(HashSet<PageState> set, PageState page, bool on)
    {
        lock (gate)
        {
            _ = on ? set.Add(page) : set.Remove(page);
        }
    }

    private bool Contains(HashSet<PageState> set, PageState page)
    {
        lock (gate)
        {
            return set.Contains(page);
        }
    }
}
