namespace LeadOps.GraphSandbox;

/// <summary>
/// Messenger: each page's customers and their conversations, the messages sent through the Send API, and the Send
/// API's rules (2000 characters, a customer who blocked the page, the 24-hour RESPONSE and 7-day HUMAN_AGENT windows).
/// A customer's message, and a sent message's echo and delivery, fire webhooks when the page is subscribed.
/// Locks the state's one lock.
/// </summary>
internal sealed class MessageStore(SandboxOptions options, Lock gate, PageStore pages, SubscriptionStore subscriptions, WebhookDispatcher webhooks)
{
    private const long SeedStreamMessageIds = 5;
    private const int MaxMessageLength = 2000;
    private static readonly TimeSpan ResponseWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    private readonly Dictionary<PageState, Dictionary<string, CustomerState>> _customers = [];
    private long _messageCounter;

    /// <summary>The messages the Send API accepted, oldest first.</summary>
    public RecordLog<SentMessage> Sent { get; } = new(gate);

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
            return pages.Find(pageId) is { } page && _customers.TryGetValue(page, out var customers) && customers.TryGetValue(psid, out var customer)
                ? [.. customer.History]
                : [];
        }
    }

    /// <summary>A customer writes to a page (a new PSID becomes a new customer); returns the message id (<c>mid</c>).</summary>
    public string FromCustomer(string pageId, string psid, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        ArgumentNullException.ThrowIfNull(text);
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
                customer = new CustomerState(psid, $"Customer {psid[^4..]}", blockedPage: false);
                customers.Add(psid, customer);
            }

            var now = options.TimeProvider.GetUtcNow();
            var mid = NextMessageId();
            customer.History.Add(new ConversationMessage(mid, false, text, now));
            customer.LastCustomerMessageAt = now;
            if (subscriptions.Has(page, "messages"))
            {
                webhooks.Publish("messages", page.Id, MessengerWebhooks.CustomerMessage(page.Id, psid, mid, text, now.ToUnixTimeMilliseconds()));
            }

            return mid;
        }
    }

    /// <summary>Applies the Send API rules and, when they pass, records the message and fires echo and delivery webhooks.</summary>
    public (SentMessage? Sent, GraphError? Error) Send(PageState page, string psid, string text, string messagingType, string? tag)
    {
        if (text.Length > MaxMessageLength)
        {
            return (null, GraphErrors.MessageTooLong());
        }

        lock (gate)
        {
            if (!_customers.TryGetValue(page, out var customers) || !customers.TryGetValue(psid, out var customer))
            {
                return (null, GraphErrors.NoMatchingUser());
            }

            if (customer.BlockedPage)
            {
                return (null, GraphErrors.PersonUnavailable());
            }

            var now = options.TimeProvider.GetUtcNow();
            var window = messagingType == "MESSAGE_TAG" && tag == "HUMAN_AGENT" ? HumanAgentWindow : ResponseWindow;
            if (customer.LastCustomerMessageAt is not { } last || now - last > window)
            {
                return (null, GraphErrors.OutsideWindow());
            }

            var mid = NextMessageId();
            var sent = new SentMessage(page.Id, psid, text, messagingType, tag, mid, now);
            Sent.Add(sent);
            customer.History.Add(new ConversationMessage(mid, true, text, now));
            var timeMs = now.ToUnixTimeMilliseconds();
            if (subscriptions.Has(page, "messages", "message_echoes"))
            {
                webhooks.Publish("message_echoes", page.Id, MessengerWebhooks.Echo(page.Id, psid, mid, text, options.AppId, timeMs));
            }

            if (subscriptions.Has(page, "messages", "message_deliveries"))
            {
                webhooks.Publish("message_deliveries", page.Id, MessengerWebhooks.Delivery(page.Id, psid, mid, timeMs));
            }

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
            Sent.Clear();
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

    private string NextMessageId() => "m_" + SeededRandom.For(options.Seed, SeedStreamMessageIds, ++_messageCounter).NextBase62(64);
}
