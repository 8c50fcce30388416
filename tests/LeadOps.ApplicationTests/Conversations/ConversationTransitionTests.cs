using LeadOps.Application.Common.Audit;
using LeadOps.Application.Conversations;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;

namespace LeadOps.ApplicationTests.Conversations;

/// <summary>
/// Who may move a conversation where: escalate, take, release and resolve as commands from a staff member, each audited
/// for its owner; the same rules the Inbox pages and /api/conversations reach over HTTP.
/// </summary>
public sealed class ConversationTransitionTests
{
    private static int _psidCounter;

    [Test]
    public async Task Escalating_hands_the_conversation_to_a_person_with_the_reason_and_starts_the_wait()
    {
        var (staff, id) = await ConversationWithTheBotAsync();

        var result = await SendAsync(staff, new EscalateConversation(id, "asks about stock"));

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Ok), result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value!.State, Is.EqualTo(ConversationState.NeedsHuman));
            Assert.That(result.Value.EscalationReason, Is.EqualTo("asks about stock"));
            Assert.That(result.Value.EscalatedAt, Is.Not.Null);
            Assert.That(result.Value.WaitingSince, Is.Not.Null, "a person is now awaited");
        });
    }

    [Test]
    public async Task Taking_assigns_the_conversation_to_the_acting_staff_member()
    {
        var (staff, id) = await ConversationWithTheBotAsync();
        await SendAsync(staff, new EscalateConversation(id, null));

        var result = await SendAsync(staff, new TakeConversation(id));

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Ok), result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value!.State, Is.EqualTo(ConversationState.HumanActive));
            Assert.That(result.Value.AssignedToUserId, Is.EqualTo(staff.Id));
            Assert.That(result.Value.AssignedToName, Is.EqualTo(staff.Email));
        });
    }

    [Test]
    public async Task Releasing_gives_the_conversation_back_to_the_bot_without_an_assignee_or_a_reason()
    {
        var (staff, id) = await ConversationWithTheBotAsync();
        await SendAsync(staff, new EscalateConversation(id, "wants a person"));
        await SendAsync(staff, new TakeConversation(id));

        var result = await SendAsync(staff, new ReleaseConversation(id));

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Ok), result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value!.State, Is.EqualTo(ConversationState.Bot));
            Assert.That(result.Value.AssignedToUserId, Is.Null);
            Assert.That(result.Value.AssignedToName, Is.Null);
            Assert.That(result.Value.EscalationReason, Is.Null);
        });
    }

    [Test]
    public async Task Resolving_closes_the_conversation_and_nobody_waits_any_more()
    {
        var (staff, id) = await ConversationWithTheBotAsync();
        await SendAsync(staff, new EscalateConversation(id, null));

        var result = await SendAsync(staff, new ResolveConversation(id));

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Ok), result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value!.State, Is.EqualTo(ConversationState.Resolved));
            Assert.That(result.Value.WaitingSince, Is.Null);
        });
    }

    [Test]
    public async Task Every_transition_is_audited_for_its_owner_and_one_that_changes_nothing_says_unchanged()
    {
        var (staff, id) = await ConversationWithTheBotAsync();
        var other = await NewUserAsync();

        await SendAsync(staff, new EscalateConversation(id, "first"));
        await SendAsync(staff, new EscalateConversation(id, "again"));
        await SendAsync(staff, new TakeConversation(id));
        await SendAsync(staff, new ReleaseConversation(id));
        await SendAsync(staff, new ResolveConversation(id));

        var audit = await ConversationAuditAsync(staff);
        Assert.That(audit.Select(e => (e.Action, e.Outcome)), Is.EqualTo(new[]
        {
            ("resolve", "ok"), ("release", "ok"), ("take", "ok"), ("escalate", "unchanged"), ("escalate", "ok"),
        }), "newest first");
        Assert.Multiple(() =>
        {
            Assert.That(audit.Select(e => e.SubjectId), Is.All.EqualTo(id.ToString()));
            Assert.That(audit.Select(e => e.ActorId), Is.All.EqualTo(staff.Id));
        });
        Assert.That(await ConversationAuditAsync(other), Is.Empty, "another user's trail holds none of it");
    }

    [Test]
    public async Task Another_users_conversation_is_not_found_for_every_transition_and_stays_as_it_was()
    {
        var (alice, id) = await ConversationWithTheBotAsync();
        var bob = await NewUserAsync();

        var results = new[]
        {
            await SendAsync(bob, new EscalateConversation(id, "not mine")),
            await SendAsync(bob, new TakeConversation(id)),
            await SendAsync(bob, new ReleaseConversation(id)),
            await SendAsync(bob, new ResolveConversation(id)),
        };

        Assert.That(results.Select(r => (r.Status, r.Error)), Is.All.EqualTo((ResultStatus.NotFound, "Conversation not found")));
        var seenByAlice = await SendAsync(alice, new GetConversation(id));
        Assert.That(seenByAlice.Value!.Conversation.State, Is.EqualTo(ConversationState.Bot));
        Assert.That(await ConversationAuditAsync(alice), Is.Empty, "nothing happened to it");
    }

    [Test]
    public async Task The_bot_escalating_a_customer_who_has_not_written_yet_starts_the_conversation_for_a_person()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var psid = NewPsid();

        var result = await SendAsync(staff, new EscalateCustomer(SandboxSeed.MainPageId, psid, "asked for a person"));

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Ok), result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value!.State, Is.EqualTo(ConversationState.NeedsHuman));
            Assert.That(result.Value.Psid, Is.EqualTo(psid));
            Assert.That(result.Value.IntegrationId, Is.EqualTo(integrationId));
        });
        var list = await SendAsync(staff, new ListConversations());
        Assert.That(list.Items.Select(c => c.Id), Is.EqualTo(new[] { result.Value!.Id }));
    }

    [Test]
    public async Task The_bot_escalating_a_customer_on_a_page_of_none_of_the_users_integrations_is_not_found()
    {
        var staff = await NewUserAsync();
        await ConnectMainPageAsync(staff);

        var result = await SendAsync(staff, new EscalateCustomer("108240000000099", NewPsid(), null));

        Assert.That((result.Status, result.Error), Is.EqualTo((ResultStatus.NotFound, "None of your integrations has this page")));
        Assert.That((await SendAsync(staff, new ListConversations())).Items, Is.Empty);
    }

    [Test]
    public async Task A_reason_longer_than_500_characters_is_refused_before_anything_changes()
    {
        var (staff, id) = await ConversationWithTheBotAsync();
        var reason = new string('x', Conversation.ReasonLength + 1);

        var refused = Assert.ThrowsAsync<ValidationException>(() => SendAsync(staff, new EscalateConversation(id, reason)));

        Assert.That(refused!.Errors.Keys, Is.EquivalentTo(new[] { nameof(EscalateConversation.Reason) }));
        Assert.That(refused.FirstMessage, Is.EqualTo("The reason can have at most 500 characters."));
        Assert.That((await SendAsync(staff, new GetConversation(id))).Value!.Conversation.State, Is.EqualTo(ConversationState.Bot));
        Assert.That(await ConversationAuditAsync(staff), Is.Empty);
    }

    /// <summary>The user's audit rows about conversations (connecting the page leaves one of its own, ADR 0016).</summary>
    private static async Task<List<AuditEntryView>> ConversationAuditAsync(TestUser user) =>
        [.. (await SendAsync(user, new ListAuditEntries())).Items.Where(e => e.SubjectType == AuditActions.Conversation)];

    /// <summary>A customer page-scoped id no other test uses.</summary>
    private static string NewPsid() =>
        "74" + Interlocked.Increment(ref _psidCounter).ToString("D14", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A staff member with the main page connected, and a customer who wrote to it: a conversation with the bot.</summary>
    private static async Task<(TestUser Staff, Guid ConversationId)> ConversationWithTheBotAsync()
    {
        var staff = await NewUserAsync();
        var integrationId = await ConnectMainPageAsync(staff);
        var psid = NewPsid();
        var message = new MessengerWebhookEvent(
            MessengerEventKind.Message, SandboxSeed.MainPageId, psid, DateTimeOffset.UtcNow, Mid: $"m_{psid}", Text: "Is the Trail X9 in stock?");

        var recorded = await SendAsync(staff, new RecordMessengerEvent(integrationId, message));

        Assert.That(recorded.Value, Is.EqualTo(MessengerEventOutcome.Stored), recorded.Error);
        var conversation = (await SendAsync(staff, new ListConversations())).Items.Single();
        Assert.That(conversation.State, Is.EqualTo(ConversationState.Bot));
        return (staff, conversation.Id);
    }
}
