using System.Net;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The folder store (<c>Attachments:Store=Folder</c>, ADR 0011): a customer's image is written under the configured
/// folder, in a folder of its owner, and served to that owner only; the database holds its row, not its bytes.
/// </summary>
public sealed class FolderStoreTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly string _folder = Path.Combine(TestRun.Scratch, "attachments-" + Guid.NewGuid().ToString("N"));

    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        base.Configure(app).WithSetting("Attachments:Store", "Folder").WithSetting("Attachments:Folder", _folder);

    [Test]
    public async Task A_customers_image_is_kept_in_the_folder_and_served_to_its_owner_only()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = Meta.Customers.Writes(SandboxSeed.MainPageId, psid, new CustomerMessage { Attachments = [CustomerAttachment.Image(300)] });
        var id = await WaitForMessageAsync(staff, psid, mid);

        var image = (await MessagesAsync(staff, id)).Single().GetProperty("attachments")[0];
        var fileUrl = image.GetProperty("file_url").GetString()!;
        var fileId = Guid.Parse(fileUrl.Split('/')[^1]);
        var onDisk = Directory.GetFiles(_folder, fileId.ToString("N"), SearchOption.AllDirectories);
        using var served = await staff.Api.GetAsync(fileUrl);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        var other = await NewStaffAsync();
        using var refused = await other.Api.GetAsync(fileUrl);
        Assert.Multiple(() =>
        {
            Assert.That(onDisk, Has.Length.EqualTo(1), "one file, named by its id, in its owner's folder");
            Assert.That(new FileInfo(onDisk[0]).Length, Is.EqualTo(300));
            Assert.That((served.StatusCode, bytes.Length), Is.EqualTo((HttpStatusCode.OK, 300)));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });

        await using var scope = App.ScopeFor(staff.User.Id);
        Assert.That(App.Db(scope).StoredFileBytes.Count(), Is.Zero, "no bytes in the database");
    }
}
