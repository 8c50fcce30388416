using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A reply whose file is no longer stored is never given to Meta: no echo can be its echo, however alike (ADR 0007).
/// Staff saw it fail, and it stays failed; the echo is the page message it is.
/// </summary>
public sealed class FileGoneReplyEchoTests(DatabaseKind database) : InboxFixture(database)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Test]
    public async Task A_reply_whose_file_was_gone_stays_failed_when_a_later_echo_without_words_comes()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can you send the price list?");
        var path = $"/Inbox/Conversation/{id}";

        // Meta refuses the first try outright (the person is not available), so nothing of it can be echoed.
        Meta.SetFault(new FaultRule { Route = FaultRoutes.Messages, PageId = SandboxSeed.MainPageId, Kind = FaultKind.SendRefused, Code = 551, Times = 1 });
        using var browser = await App.SignedInClientAsync(staff.User);
        await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string>(), new FormFile("Reply.File", "prices.png", "image/png", Png), path);
        var refused = StaffReply(await MessagesAsync(staff, id))!.Value;
        Assert.That(refused.GetProperty("status").GetString(), Is.EqualTo("failed"), refused.ToString());
        var messageId = refused.GetProperty("id").GetInt64();

        // The file's bytes are gone by the time staff retry it.
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var db = App.Db(scope);
            var files = await db.MessageAttachments.Where(a => a.MessageId == messageId && a.StoredFileId != null).Select(a => a.StoredFileId!.Value).ToListAsync();
            Assert.That(await db.StoredFileBytes.Where(b => files.Contains(b.Id)).ExecuteDeleteAsync(), Is.EqualTo(1));
        }

        var retry = await (await staff.Api.PostAsync($"/api/conversations/{id}/messages/{messageId}/retry", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(retry.ToString(), Does.Contain("no longer stored"));

        // Then the page sends a picture without words through LeadOps' app (another send), and Meta echoes it.
        var mid = await PostOwnEchoAsync(psid, "m_picture_", null, """[{"type":"fallback","payload":null,"title":"Price list","URL":"https://shop.example/prices"}]""");
        await ProcessedAsync(staff);

        var thread = await MessagesAsync(staff, id);
        var reply = thread.Single(m => m.GetProperty("id").GetInt64() == messageId);
        var echoed = thread.Where(m => m.GetProperty("mid").GetString() == mid).ToList();
        var audited = await SendAuditAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("failed"), "staff saw it fail, and Meta never had it");
            Assert.That(reply.GetProperty("mid").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(reply.GetProperty("error").GetString(), Does.Contain("no longer stored"));
            Assert.That(audited, Has.Member(AuditActions.Failed).And.No.Member(AuditActions.Sent), "failed, never a sent row");
            Assert.That(echoed, Has.Count.EqualTo(1), "the echo is in the thread as the page's own message");
            Assert.That(echoed.Select(m => m.GetProperty("sender").GetString()), Is.All.EqualTo("bot"));
        });
    }
}
