namespace LeadOps.GraphSandbox;

/// <summary>Route names a <see cref="FaultRule"/> can match.</summary>
public static class FaultRoutes
{
    public const string Any = "*";
    public const string Me = "me";
    public const string LeadgenForms = "leadgen_forms";
    public const string Leads = "leads";
    public const string Lead = "lead";
    public const string Page = "page";
    public const string Form = "form";
    public const string Messages = "messages";
    public const string DebugToken = "debug_token";
    public const string SubscribedApps = "subscribed_apps";
    public const string TestLeads = "test_leads";
    public const string UserProfile = "user_profile";
    public const string ThreadControl = "thread_control";
    public const string Events = "events";

    public static IReadOnlyList<string> All { get; } =
        [Any, Me, LeadgenForms, Leads, Lead, Page, Form, Messages, DebugToken, SubscribedApps, TestLeads, UserProfile, ThreadControl, Events];

    internal static bool IsEdge(string route) => route is Leads or LeadgenForms;

    /// <summary>The business use case a route counts against in <c>X-Business-Use-Case-Usage</c>.</summary>
    internal static string UseCaseOf(string route) => route switch
    {
        Leads or Lead or LeadgenForms or Form or TestLeads => "leadgen",
        Messages or UserProfile or ThreadControl => "messenger",
        _ => "pages",
    };
}
