using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Reading a new customer's name and picture is a Graph call like any other: when Graph refuses the page's token for it
/// (error 190), the integration needs reconnecting, as after any other call, and the page's next events are held
/// (ADR 0012, "Held events") instead of being recorded for a page whose token is broken.
/// </summary>
public sealed class ProfileReadTokenRefusedTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task A_profile_read_refused_for_the_token_marks_the_page_for_reconnecting_and_holds_what_follows()
    {
        var staff = await NewStaffAsync();
        Meta.SetFault(new FaultRule { Route = FaultRoutes.UserProfile, PageId = SandboxSeed.MainPageId, Kind = FaultKind.TokenInvalidated });
        var first = NewPsid();
        var id = await CustomerWritesAsync(staff, first, "Hello, is anyone there?");

        var integration = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"), "a 190 on the profile read counts as on any call");
            Assert.That(Meta.Requests.Any(r => r.Method == "GET" && r.Path.EndsWith(first, StringComparison.Ordinal)), Is.True, "the profile was asked for");
        });

        var next = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, next, "Written after the token stopped working");
        using var limit = HangGuard.LimitTo(TimeSpan.FromSeconds(60));
        await HangGuard.UntilAsync("the next message held", async ct =>
        {
            await using var scope = App.ScopeFor(staff.User.Id);
            return await App.Db(scope).HeldMessengerEvents.AnyAsync(h => h.Psid == next, ct);
        });
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await FindConversationAsync(staff, next), Is.Null, "what follows is held, not shown");
            Assert.That((await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "Hello, is anyone there?" }),
                "the message whose profile read found the token broken was recorded before that was known");
        });
    }
}
