using System.Net;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A customer's file is not left in the browser for whoever uses it after sign-out (ADR 0011): <c>/inbox/files</c> lets
/// the browser keep a copy only to revalidate (<c>private, no-cache</c>, with an ETag that answers 304), and signing out
/// tells the browser to clear its cache of the site (<c>Clear-Site-Data: "cache"</c>).
/// </summary>
public sealed class InboxFilesCacheTests(DatabaseKind database) : InboxFixture(database)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Test]
    public async Task A_file_is_kept_only_to_revalidate_and_signing_out_clears_the_browsers_cache()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "A photo, please?");
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        var post = await browser.PostMultipartAsync($"{path}?handler=Reply", new Dictionary<string, string>(), new FormFile("Reply.File", "bike.png", "image/png", Png), path);
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await post.Content.ReadAsStringAsync());
        var url = (await MessagesAsync(staff, id)).Last(m => m.GetProperty("sender").GetString() == "staff")
            .GetProperty("attachments")[0].GetProperty("file_url").GetString()!;

        using var first = await browser.GetAsync(url);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        if (first.Headers.ETag is { } etag)
        {
            again.Headers.IfNoneMatch.Add(etag);
        }

        using var revalidated = await browser.SendAsync(again);
        using var signOut = await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formPage: "/Inbox");
        using var afterSignOut = await browser.GetAsync(url);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await first.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
            Assert.That(first.Headers.CacheControl?.Private, Is.True);
            Assert.That(first.Headers.CacheControl?.NoCache, Is.True, "the browser asks before it shows its copy");
            Assert.That(first.Headers.CacheControl?.MaxAge, Is.Null, "no copy is fresh on its own");
            Assert.That(first.Headers.ETag, Is.Not.Null);
            Assert.That(revalidated.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "an unchanged copy is not sent again");
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(signOut.Headers.TryGetValues("Clear-Site-Data", out var clear) ? clear : [], Is.EqualTo(new[] { "\"cache\"" }));
            Assert.That(afterSignOut.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "signed out, the file is not served");
        });
    }
}
