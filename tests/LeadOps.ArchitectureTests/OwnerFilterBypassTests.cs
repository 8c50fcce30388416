using LeadOps.ArchitectureTests.Support;

namespace LeadOps.ArchitectureTests;

/// <summary>
/// Every place that switches the owner filter off, in any form, is on this list with its reason (ADR 0003 lists the
/// same). A new bypass fails the build, named by file and member, until it is added here with a reason and reviewed.
/// </summary>
public sealed class OwnerFilterBypassTests
{
    /// <summary>The allowed bypasses: file, type member, how many times it bypasses, and why it must look across owners.</summary>
    internal static readonly IReadOnlyList<AllowedBypass> AllowList =
    [
        new("src/LeadOps.Infrastructure/Identity/ApiKeyAuthenticator.cs", "ApiKeyAuthenticator.AuthenticateAsync", 2,
            "Authentication: finds whose API key was presented before anyone is signed in (by its non-secret prefix), and stamps when it was last used."),
        new("src/LeadOps.Infrastructure/Webhooks/WebhookProcessor.cs", "WebhookProcessor.RouteAsync", 1,
            "Routes a webhook change to the owners of the page's integrations before any owner is known; reads ids only."),
        new("src/LeadOps.Infrastructure/Webhooks/HeldEventReleases.cs", "HeldEventReleases.FindDueAsync", 1,
            "The webhook worker releases held Messenger events for every owner: finds integrations whose token works that still have held events (ids and owners); each release runs as its owner."),
        new("src/LeadOps.Infrastructure/Webhooks/WebhookBodyRetention.cs", "WebhookBodyRetention.EmptyAsync", 1,
            "The webhook worker empties old done delivery bodies (deliveries belong to nobody) except those held Messenger events of any owner still name: a NOT EXISTS inside one conditional update; reveals nothing."),
        new("src/LeadOps.Infrastructure/Common/OutboxWorker.cs", "OutboxWorker.FindDueAsync", 1,
            "The outbox workers (welcome, Conversions API) serve every owner: find due rows (ids and owners); each is claimed and sent as its owner."),
        new("src/LeadOps.Infrastructure/Welcome/WelcomeBacklog.cs", "WelcomeBacklog.ReadAsync", 1,
            "/status: pending and failed counts and the oldest pending age across owners; reveals no row."),
        new("src/LeadOps.Infrastructure/Scheduling/ScheduledRetrieval.cs", "ScheduledRetrieval.FormsAsync", 2,
            "The scheduler acts for every owner: finds the forms it syncs (ids, owners, times); each retrieval runs as its owner."),
        new("src/LeadOps.Infrastructure/Scheduling/ScheduledRetrieval.cs", "ScheduledRetrieval.PagesAsync", 1,
            "The scheduler acts for every owner: finds the enabled pages to check and probe (ids, owners, times); each check runs as its owner."),
        new("src/LeadOps.Infrastructure/Outgoing/EventFanOut.cs", "EventFanOut.FindNewAsync", 1,
            "The outgoing worker serves every owner: finds new outgoing events (ids and owners); each is fanned out as its owner."),
        new("src/LeadOps.Infrastructure/Outgoing/WebhookPoster.cs", "WebhookPoster.FindDueAsync", 2,
            "The outgoing worker serves every owner: finds due deliveries of endpoints that are not paused (ids and owners); each is posted as its owner."),
        new("src/LeadOps.Infrastructure/Outgoing/StaffAlertMailer.cs", "StaffAlertMailer.OwnersWithDueAlertsAsync", 1,
            "The outgoing worker serves every owner: finds which owners have staff alerts due; each owner's alerts are sent as that owner."),
        new("src/LeadOps.Infrastructure/Scheduling/InterruptedRuns.cs", "InterruptedRuns.MarkAsync", 1,
            "At start and on every scheduler pass, runs whose process went quiet (whoever's) are marked Interrupted; one conditional update, reveals nothing."),
    ];

    [Test]
    public void Every_owner_filter_bypass_is_on_the_allow_list()
    {
        var problems = Check(CodeScanner.UsesInSource(IsBypass), AllowList);
        Assert.That(problems, Is.Empty, "add a new bypass to the allow-list (and ADR 0003) with its reason, or act as the owner instead");
    }

    [Test]
    public void Every_allowed_bypass_has_a_reason() =>
        Assert.That(AllowList.Where(b => string.IsNullOrWhiteSpace(b.Reason) || b.Count < 1), Is.Empty);

    [TestCase("await db.Leads.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).ToListAsync();")]
    [TestCase("await db.Leads.IgnoreQueryFilters().ToListAsync();")]
    [TestCase("await db.Leads.IgnoreQueryFilters([\"Owner\"]).CountAsync();")]
    [TestCase("Func<IQueryable<Lead>, IQueryable<Lead>> all = q => q.IgnoreQueryFilters(); await all(db.Leads).ToListAsync();")]
    [TestCase("await EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Leads).ToListAsync();")]
    public void The_bypass_rule_fails_on_a_new_bypass_and_names_it(string statement)
    {
        var planted = $$"""
            namespace LeadOps.Web.Api;

            internal sealed class Sneaky(LeadOpsDbContext db)
            {
                public async Task PeekAsync()
                {
                    {{statement}}
                }
            }
            """;
        var uses = CodeScanner.UsesInSource(IsBypass).Concat(CodeScanner.Uses(planted, "src/LeadOps.Web/Api/Sneaky.cs", IsBypass));

        var problems = Check(uses, AllowList);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("src/LeadOps.Web/Api/Sneaky.cs").And.Contain("Sneaky.PeekAsync"));
    }

    [Test]
    public void The_bypass_rule_fails_when_an_allowed_member_bypasses_once_more()
    {
        var allowed = AllowList[0];
        var uses = CodeScanner.UsesInSource(IsBypass).Append(new CodeUse(allowed.File, allowed.Member, "IgnoreQueryFilters", 1));
        Assert.That(Check(uses, AllowList), Has.One.Contain(allowed.Member));
    }

    [Test]
    public void The_bypass_rule_ignores_comments_and_strings()
    {
        const string Text = """
            // db.Leads.IgnoreQueryFilters() would show every owner's leads
            var advice = "never call IgnoreQueryFilters()";
            """;
        Assert.That(CodeScanner.Uses(Text, "src/X.cs", IsBypass), Is.Empty);
    }

    private static bool IsBypass(string name) => name == "IgnoreQueryFilters";

    /// <summary>Bypasses not on the list (or more of them than listed), and listed ones that are gone.</summary>
    private static List<string> Check(IEnumerable<CodeUse> uses, IReadOnlyList<AllowedBypass> allowList)
    {
        var found = uses.GroupBy(u => (u.File, u.Member)).ToDictionary(g => g.Key, g => g.ToList());
        var problems = new List<string>();
        foreach (var ((file, member), all) in found)
        {
            var allowed = allowList.FirstOrDefault(b => b.File == file && b.Member == member);
            if (allowed is null || all.Count > allowed.Count)
            {
                problems.Add($"{file}: {member} bypasses the owner filter {all.Count} time(s) (line {string.Join(", ", all.Select(u => u.Line))}), allowed {allowed?.Count ?? 0}");
            }
        }

        problems.AddRange(allowList.Where(b => !found.ContainsKey((b.File, b.Member))).Select(b => $"{b.File}: {b.Member} is allowed but no longer bypasses: remove it from the list"));
        return problems;
    }

    internal sealed record AllowedBypass(string File, string Member, int Count, string Reason);
}
