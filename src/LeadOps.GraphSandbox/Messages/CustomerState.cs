namespace LeadOps.GraphSandbox;

/// <summary>A person who wrote to a page (a page-scoped id), with their conversation. Changed under the state's lock.</summary>
internal sealed class CustomerState(string psid, string name, bool blockedPage)
{
    private static readonly string[] FirstNames = ["Ana", "Bruno", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hiro", "Inês", "João", "Keiko", "Lars"];
    private static readonly string[] LastNames = ["Silva", "Novak", "Dubois", "Ivanov", "Müller", "Haddad", "Okafor", "Tanaka", "Costa", "Berg"];

    public string Psid { get; } = psid;

    public string Name { get; } = name;

    public bool BlockedPage { get; } = blockedPage;

    /// <summary>When the customer last wrote: it opens the messaging windows.</summary>
    public DateTimeOffset? LastCustomerMessageAt { get; set; }

    public List<ConversationMessage> History { get; } = [];

    /// <summary>
    /// A Messenger account made with a phone number: the User Profile API answers it with "No profile available for this
    /// user." (2018218), whatever the app's access.
    /// </summary>
    public bool WithoutProfile { get; set; }

    /// <summary>
    /// With <see cref="WithoutProfile"/>: an account Graph no longer loads for this page (deleted, or one that blocked the
    /// page), answered as any node Graph cannot load: 100 / 33 "Unsupported get request. Object with ID '…' does not
    /// exist, cannot be loaded due to missing permissions, or does not support this operation." (what integrators record
    /// for some of their customers' PSIDs: botman/driver-facebook issue #90).
    /// </summary>
    public bool ProfileGone { get; set; }

    /// <summary>The owner after a take that names no new owner (the older messaging_handovers form): an app not named.</summary>
    public const string UnnamedApp = "another-app";

    /// <summary>The app that controls the thread (null: idle), as pass and take thread control leave it.</summary>
    public string? ThreadOwnerAppId { get; set; }

    public string FirstName => Name.Split(' ', 2)[0];

    public string? LastName => Name.Split(' ', 2) is [_, var last] ? last : null;

    /// <summary>A new customer gets a name picked from the PSID, so the same PSID always has the same name.</summary>
    public static string NameFor(string psid)
    {
        var digits = psid.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        var n = digits.Aggregate(17, (sum, d) => (sum * 31) + d) & int.MaxValue;
        return $"{FirstNames[n % FirstNames.Length]} {LastNames[n / FirstNames.Length % LastNames.Length]}";
    }
}
