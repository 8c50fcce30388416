using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.Domain.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A staff reply through the Inbox API while the Send API rate limits it (docs/graph-api-facts.md, "Errors"): the app's
/// Graph client asks again after its pauses, which the test moves the clock through (<see cref="InboxFixture.ThroughGraphPausesAsync{T}"/>);
/// a limit that persists fails the reply as rate limited, with words that say to try again later, in the thread, on the
/// page and in the audit; a limit that passes sends the reply once.
/// </summary>
public sealed class SendApiRateLimitTests(DatabaseKind database) : InboxFixture(database)
{
    private int MaxAttempts => App.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.Resilience.MaxAttempts;

    /// <summary>
    /// A throttle's usage headers (100 %) pace the next Graph calls for the page, and the app-level ones (4, 17) for every
    /// page, for as long as the reading is fresh: they go stale before the next test, whose calls would wait on the clock.
    /// </summary>
    [TearDown]
    public void LetUsageReadingsGoStale() => Clock.Advance(GraphUsageSnapshot.FreshFor);

    /// <summary>
    /// Messenger's common error codes: 9 / 2018352 "User is performing too many actions" (the sandbox's <c>SendRefused</c>
    /// code 9), on every attempt.
    /// </summary>
    [Test]
    public async Task Too_many_actions_9_2018352_on_every_attempt_fails_the_reply_as_rate_limited_on_that_person_saying_to_try_again_later()
    {
        var (staff, psid, id) = await ConversationAsync("Is there parking nearby?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 9 });
        var callsBefore = SendApiCalls();

        var answer = await ThroughGraphPausesAsync("a reply refused with 9 / 2018352", () => ReplyAsync(staff, id, "Yes, behind the shop."));

        var failed = await FailedReplyAsync(staff, id);
        var (kind, audit) = await StoredFailureAsync(staff, id, failed.GetProperty("id").GetInt64());
        var page = await PageAsync(staff, id);
        var integration = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("failed"), answer.GetRawText());
            Assert.That(kind, Is.EqualTo(SendFailure.RateLimited));
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("rate_limited"));
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo("Facebook is limiting messages to this person for now: try again later."),
                "a limit on what the page may send this customer, not on the page");
            Assert.That(failed.GetProperty("can_retry").GetBoolean(), Is.True);
            Assert.That(audit, Is.EqualTo(new[] { (AuditActions.Failed, (string?)$"{failed.GetProperty("error").GetString()} (message {failed.GetProperty("id").GetInt64()})") }),
                "the audit says how the send ended, in the words staff see");
            Assert.That(page, Does.Contain(failed.GetProperty("error").GetString()), "the thread's page shows the same words");
            Assert.That(SendApiCalls() - callsBefore, Is.EqualTo(MaxAttempts), "asked again after each pause, then given up");
            Assert.That(SentTo(psid), Is.Empty);
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("active"), "a limit says nothing about the page's token or permissions");
        });
    }

    /// <summary>9 / 2018352 once, then Meta takes the reply: it goes out once, and its echo adds no second message.</summary>
    [Test]
    public async Task Too_many_actions_9_2018352_once_then_accepted_sends_the_reply_once()
    {
        var (staff, psid, id) = await ConversationAsync("Can I come at five?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 9, Times = 1 });
        var callsBefore = SendApiCalls();

        var answer = await ThroughGraphPausesAsync("a reply refused once with 9 / 2018352", () => ReplyAsync(staff, id, "Five is fine."));
        await ProcessedAsync(staff); // its echo (and receipt) are in

        var replies = (await MessagesAsync(staff, id)).Where(m => m.GetProperty("sender").GetString() == "staff").ToList();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("sent"), answer.GetRawText());
            Assert.That(SendApiCalls() - callsBefore, Is.EqualTo(2), "refused, then taken after the pause");
            Assert.That(SentTo(psid).Select(m => m.Text), Is.EqualTo(new[] { "Five is fine." }), "one message in Meta's sent list");
            Assert.That(replies.Select(m => m.GetProperty("status").GetString()), Is.EqualTo(new[] { "sent" }).Or.EqualTo(new[] { "delivered" }), "one reply in the thread");
            Assert.That(await SendAuditAsync(staff, id), Is.EqualTo(new[] { AuditActions.Sent }));
        });
    }

    /// <summary>
    /// The Graph API's rate limits on the Send API route (the sandbox's <c>Throttle</c>, with no wait named): application (4),
    /// user (17) and custom (613) request limits, on every attempt, fail the reply as rate limited, saying to try again.
    /// </summary>
    [TestCase(4)]
    [TestCase(17)]
    [TestCase(613)]
    public async Task A_rate_limit_on_every_attempt_fails_the_reply_as_rate_limited(int code)
    {
        var (staff, psid, id) = await ConversationAsync("Do you open on Sundays?");
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.Throttle, Code = code, EstimatedMinutesToRegainAccess = 0 });
        var callsBefore = SendApiCalls();

        var answer = await ThroughGraphPausesAsync($"a reply refused with code {code}", () => ReplyAsync(staff, id, "From ten to four."));

        var failed = await FailedReplyAsync(staff, id);
        var (kind, audit) = await StoredFailureAsync(staff, id, failed.GetProperty("id").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("failed"), answer.GetRawText());
            Assert.That(kind, Is.EqualTo(SendFailure.RateLimited));
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("rate_limited"));
            Assert.That(failed.GetProperty("error").GetString(), Does.Contain("rate limiting this page").And.Contain("try again"));
            Assert.That(audit.Select(a => a.Outcome), Is.EqualTo(new[] { AuditActions.Failed }));
            Assert.That(SendApiCalls() - callsBefore, Is.EqualTo(MaxAttempts));
            Assert.That(SentTo(psid), Is.Empty);
        });
    }

    private static async Task<JsonElement> FailedReplyAsync(Staff staff, Guid id) =>
        (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff" && m.GetProperty("status").GetString() == "failed");

    /// <summary>The reply's stored failure kind, and the conversation's send audit rows (outcome and detail), oldest first.</summary>
    private async Task<(SendFailure? Kind, List<(string Outcome, string? Detail)> Audit)> StoredFailureAsync(Staff staff, Guid id, long messageId)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        var db = App.Db(scope);
        var kind = await db.MessengerMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.FailureKind).SingleAsync();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.SubjectId == id.ToString() && a.Action == AuditActions.SendMessage)
            .OrderBy(a => a.Id).Select(a => new { a.Outcome, a.Detail }).ToListAsync();
        return (kind, rows.Select(a => (a.Outcome, a.Detail)).ToList());
    }

    /// <summary>The thread's page as the staff member sees it.</summary>
    private async Task<string> PageAsync(Staff staff, Guid id)
    {
        using var browser = await App.SignedInClientAsync(staff.User);
        return System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/Inbox/Conversation/{id}"));
    }
}
