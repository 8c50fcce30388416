using LeadOps.Application.Conversations;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;
using LeadOps.Infrastructure.Identity;
using LeadOps.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.ApplicationTests.Conversations;

/// <summary>
/// The name a reply and an assignment carry is the staff member's current one: the names are kept between requests,
/// and a change of e-mail through Identity must show on the next reply, not minutes later.
/// </summary>
public sealed class StaffNameTests
{
    private static int _psidCounter;

    [Test]
    public async Task A_reply_after_the_staff_member_changed_their_email_carries_the_new_name()
    {
        var (staff, id) = await ConversationAsync();
        var first = await SendAsync(staff, new SendAdminMessage(id, "We have it in stock."));
        Assert.That(first.Value?.Status, Is.EqualTo(MessageStatus.Sent), first.Error);

        var renamed = $"renamed-{Guid.NewGuid():N}@example.com";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(staff.Id);
            var changed = await users.SetEmailAsync(user!, renamed);
            Assert.That(changed.Succeeded, Is.True, string.Join("; ", changed.Errors.Select(e => e.Description)));
        }

        var second = await SendAsync(staff, new SendAdminMessage(id, "Would you like to book a test ride?"));
        Assert.That(second.Value?.Status, Is.EqualTo(MessageStatus.Sent), second.Error);

        var names = await ReadAsync(staff, db => db.MessengerMessages.Where(m => m.ConversationId == id && m.Sender == MessageSender.Staff)
            .OrderBy(m => m.Id).Select(m => m.SenderName).ToListAsync());
        Assert.That(names, Is.EqualTo(new[] { staff.Email, renamed }));
    }

    [Test]
    public async Task Taking_a_conversation_after_the_staff_member_changed_their_email_assigns_it_under_the_new_name()
    {
        var (staff, id) = await ConversationAsync();
        await SendAsync(staff, new EscalateConversation(id, null));
        var taken = await SendAsync(staff, new TakeConversation(id));
        Assert.That(taken.Value?.AssignedToName, Is.EqualTo(staff.Email), taken.Error);
        await SendAsync(staff, new ReleaseConversation(id));

        var renamed = $"renamed-{Guid.NewGuid():N}@example.com";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetEmailAsync((await users.FindByIdAsync(staff.Id))!, renamed);
        }

        await SendAsync(staff, new EscalateConversation(id, null));
        var again = await SendAsync(staff, new TakeConversation(id));

        Assert.That(again.Value?.AssignedToName, Is.EqualTo(renamed), again.Error);
    }

    /// <summary>A staff member with the main page connected and a customer who has just written (the reply window is open).</summary>
    private static async Task<(TestUser Staff, Guid ConversationId)> ConversationAsync()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var psid = "75" + Interlocked.Increment(ref _psidCounter).ToString("D14", System.Globalization.CultureInfo.InvariantCulture);
        var mid = Graph.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Is the Trail X9 in stock?");
        var message = new MessengerWebhookEvent(
            MessengerEventKind.Message, SandboxSeed.MainPageId, psid, DateTimeOffset.UtcNow, Mid: mid, Text: "Is the Trail X9 in stock?");
        var recorded = await SendAsync(staff, new RecordMessengerEvent(integrationId, message));
        Assert.That(recorded.Value, Is.EqualTo(MessengerEventOutcome.Stored), recorded.Error);
        return (staff, (await SendAsync(staff, new ListConversations())).Items.Single().Id);
    }
}
