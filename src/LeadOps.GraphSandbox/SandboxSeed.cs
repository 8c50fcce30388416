namespace LeadOps.GraphSandbox;

/// <summary>
/// Well-known pages, tokens, forms and customers of the sandbox. The values never change, so tests and the demo
/// can name them; what else is generated (lead answers, created times) follows from <see cref="SandboxOptions.Seed"/>.
/// </summary>
public static class SandboxSeed
{
    /// <summary>A Meta dataset (pixel) that takes Conversions API events (<c>POST /{dataset-id}/events</c>) with <see cref="DatasetToken"/>.</summary>
    public const string DatasetId = "1580000000000001";

    /// <summary>The dataset's Conversions API access token (a system user's token in Events Manager).</summary>
    public const string DatasetToken = "EAAGubj7f6cwDATASETsandboxTokenForConversionsApiNotAPageToken0123456789";

    /// <summary>The user who generated the page tokens (<c>user_id</c> in <c>debug_token</c>).</summary>
    public const string TokenOwnerUserId = "100094000000001";

    /// <summary>The name of <see cref="TokenOwnerUserId"/>, as <c>GET /me</c> answers it with <see cref="TokenOwnerUserToken"/>.</summary>
    public const string TokenOwnerName = "Rita Sandbox";

    /// <summary>
    /// That person's own user access token (what Graph API Explorer gives before a page is chosen), pasted where a page
    /// token belongs: <c>GET /me</c> answers the person, <c>debug_token</c> says <c>"type":"USER"</c>, and a page edge on the
    /// person's id answers "(#100) Tried accessing nonexisting field (…) on node type (User)".
    /// </summary>
    public const string TokenOwnerUserToken =
        "EAAGubj7f6cwUSERsandboxTokenOfThePersonWhoManagesThePagesNotAPageToken0123456789";

    // The main demo page: valid token with every scope, subscribed to leadgen and messages, customers to talk to.
    public const string MainPageId = "108240000000001";
    public const string MainPageName = "Lisboa Bikes";
    public const string MainPageToken =
        "EAAGubj7f6cw9jwtq8lqrGc8egPxpmTaXoErNsaj1aUuAqFrWrKmHx2dH0GizQ3mp2vLo9ODDNLWcYdm06V3tYsVDdJCfkUUB5wDtzHPOSc91lR5BWTSjPLr";

    /// <summary>Main page, ACTIVE form with full_name, email, phone, city and two custom questions (one multi-select).</summary>
    public const string MainTestRideFormId = "206170000000011";

    /// <summary>Main page, ACTIVE form with first_name/last_name, email, phone, zip_code and a custom question.</summary>
    public const string MainServiceFormId = "206170000000012";

    /// <summary>Main page, ARCHIVED form.</summary>
    public const string MainArchivedFormId = "206170000000013";

    // A page whose token has expired: debug_token says is_valid false, every call answers 190/463.
    public const string ExpiredTokenPageId = "108240000000002";
    public const string ExpiredTokenPageName = "Porto Scooters";
    public const string ExpiredTokenPageToken =
        "EAAG1bg5Otfgpsb4ejO8tyVTuyl8QP9E7eTqT6IY1NBFsyraTArurNbSardNysJzntYSrv9egRt2Wk9GOz06LqVEZxK2ktCp3h4dFEzPoyxEU3lZZ3wPPnCd";
    public const string ExpiredTokenFormId = "206170000000021";

    // A page whose token lacks leads_retrieval: forms, leads and lead reads answer (#200).
    public const string NoLeadsPermissionPageId = "108240000000003";
    public const string NoLeadsPermissionPageName = "Faro Surf School";
    public const string NoLeadsPermissionPageToken =
        "EAAGarROrZwSd7pAUsKZB5QZ6tdyzs0x850i169Ydh0avqVn24hCsFtISyMCnbCKoE0Ewz5lhbyHLoFA4ODHtMqexefct4Y332rGPQWDAe8vCLLilVznCV6I";
    public const string NoLeadsPermissionFormId = "206170000000031";

    // A page whose token expires three days after the sandbox (re)starts.
    public const string ExpiringTokenPageId = "108240000000004";
    public const string ExpiringTokenPageName = "Coimbra Dental Care";
    public const string ExpiringTokenPageToken =
        "EAAGhOzPbkQQly487tL32kZDUgiFdGbOnab1APJc0fhst8UzwgDU9dH7KEBqCAn1yWveG9QEIoCJOkUYRevrw66YpnMRc4UeG5lvWAx8HrcaUNb4yejtSxJB";
    public const string ExpiringTokenFormId = "206170000000041";

    /// <summary>How long after start the <see cref="ExpiringTokenPageToken"/> stays valid.</summary>
    public static readonly TimeSpan ExpiringTokenLifetime = TimeSpan.FromDays(3);

    // A page with a valid token that is not subscribed to webhooks: no leadgen or message events until subscribed.
    public const string NotSubscribedPageId = "108240000000005";
    public const string NotSubscribedPageName = "Braga Yoga Studio";
    public const string NotSubscribedPageToken =
        "EAAGiJf438354LFmGV8HhQ1YgNIXAByHriPUXNXUw1ggbpRJZb2ylCs8yestqzaBAlrVfbJHDjz0ClWosfkcg7tBraRiMmFtZpEgTqLsuajM7sLUDQmYNhwJ";
    public const string NotSubscribedFormId = "206170000000051";

    // Customers (page-scoped ids) of the main page, by the age of their last message at start.

    /// <summary>Last wrote 1 hour ago: RESPONSE is allowed.</summary>
    public const string CustomerWroteOneHourAgoPsid = "7009000000000001";

    /// <summary>Last wrote 3 days ago: RESPONSE is refused (10/2018278), MESSAGE_TAG + HUMAN_AGENT is allowed.</summary>
    public const string CustomerWroteThreeDaysAgoPsid = "7009000000000002";

    /// <summary>Last wrote 8 days ago: every send is refused (10/2018278).</summary>
    public const string CustomerWroteEightDaysAgoPsid = "7009000000000003";

    /// <summary>Wrote 2 hours ago, then blocked the page: every send answers 551.</summary>
    public const string CustomerWhoBlockedPagePsid = "7009000000000004";

    /// <summary>
    /// The Messenger bot of the demo's page: the console's "the bot escalates" passes the thread from it to LeadOps, and the
    /// demo's <c>Messenger:BotAppId</c> names it, so a conversation staff release goes back to it.
    /// </summary>
    public const string DemoBotAppId = "700000000000001";

    public const string ScopeLeadsRetrieval = "leads_retrieval";
    public const string ScopePagesShowList = "pages_show_list";
    public const string ScopePagesReadEngagement = "pages_read_engagement";
    public const string ScopePagesManageMetadata = "pages_manage_metadata";
    public const string ScopePagesMessaging = "pages_messaging";
    public const string ScopePagesManageAds = "pages_manage_ads";
    public const string ScopeAdsManagement = "ads_management";

    /// <summary>Every scope a fully connected page token has.</summary>
    public static IReadOnlyList<string> AllScopes { get; } =
    [
        ScopeLeadsRetrieval, ScopePagesShowList, ScopePagesReadEngagement, ScopePagesManageMetadata,
        ScopePagesMessaging, ScopePagesManageAds, ScopeAdsManagement,
    ];

    /// <summary>The webhook fields a subscribed page starts with.</summary>
    public static IReadOnlyList<string> DefaultSubscribedFields { get; } =
    [
        "leadgen", "messages", "messaging_postbacks", "message_reactions", "message_edits", "messaging_referrals", "messaging_handovers",
        "messaging_policy_enforcement", "messaging_optins", "message_deliveries", "message_reads", "message_echoes", "standby",
    ];

    /// <summary>The app access token (<c>{app-id}|{app-secret}</c>) that <c>debug_token</c> needs.</summary>
    public static string AppAccessToken(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.AppId}|{options.AppSecret}";
    }

    /// <summary>The form ids of a seeded page (two ACTIVE, then one ARCHIVED).</summary>
    public static IReadOnlyList<string> FormIdsOf(string pageId) =>
        Pages.FirstOrDefault(p => p.Id == pageId)?.Forms.Select(f => f.Id).ToArray() ?? [];

    internal static IReadOnlyList<SeedPage> Pages { get; } = BuildPages();

    internal static IReadOnlyList<SeedCustomer> MainPageCustomers { get; } =
    [
        new(CustomerWroteOneHourAgoPsid, "Ana Lúcia Ferreira", TimeSpan.FromHours(1), false,
        [
            "Olá! Do you still have the Urban E-200 in blue?",
            "Could I book a test ride on Saturday morning?",
        ]),
        new(CustomerWroteThreeDaysAgoPsid, "Jean-François Côté", TimeSpan.FromDays(3), false,
        [
            "Bonjour, how much is the yearly service?",
        ]),
        new(CustomerWroteEightDaysAgoPsid, "سارة حداد", TimeSpan.FromDays(8), false,
        [
            "مرحبا، هل لديكم دراجات للأطفال؟",
            "Thanks, I'll come by next week.",
        ]),
        new(CustomerWhoBlockedPagePsid, "נועה לוי", TimeSpan.FromHours(2), true,
        [
            "Please stop sending me offers.",
        ]),
    ];

    private static SeedPage[] BuildPages()
    {
        string[] all = [.. AllScopes];
        string[] withoutLeads = [.. AllScopes.Where(s => s != ScopeLeadsRetrieval)];
        return
        [
            new(MainPageId, MainPageName, "Bicycle Shop", MainPageToken, all, SeedTokenState.NeverExpires, true, 1),
            new(ExpiredTokenPageId, ExpiredTokenPageName, "Motor Vehicle Company", ExpiredTokenPageToken, all,
                SeedTokenState.Expired, true, 2),
            new(NoLeadsPermissionPageId, NoLeadsPermissionPageName, "Sports Instruction", NoLeadsPermissionPageToken,
                withoutLeads, SeedTokenState.NeverExpires, true, 3),
            new(ExpiringTokenPageId, ExpiringTokenPageName, "Dentist & Dental Office", ExpiringTokenPageToken, all,
                SeedTokenState.ExpiresSoon, true, 4),
            new(NotSubscribedPageId, NotSubscribedPageName, "Yoga Studio", NotSubscribedPageToken, all,
                SeedTokenState.NeverExpires, false, 5),
        ];
    }
}
