using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The User Profile API's answer for one customer Graph cannot load: <c>(#100) Unsupported get request. Object with ID
/// '&lt;PSID&gt;' does not exist, cannot be loaded due to missing permissions, or does not support this operation</c>
/// (code 100, subcode 33, <c>GraphMethodException</c>). Integrators record it by the thousand for some PSIDs while their
/// other customers' profiles read fine (botman/driver-facebook issue #90, "Error sending payload: Unsupported get
/// request. Object with ID 'XXX' does not exist" from <c>getUser</c> in production); the same words came back for a
/// tester's own PSID (DiegoRBaquero/node-fb-messenger issue #32). It is about that customer, not the app's access.
/// </summary>
public sealed class CustomerProfileWireTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [Test]
    public async Task A_customer_graph_cannot_load_keeps_the_label_without_stopping_the_pages_other_profiles()
    {
        var staff = await NewStaffAsync();
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        var gone = NewPsid();
        Meta.Customers.HasNoProfile(Page, gone, gone: true);
        var id = await CustomerWritesAsync(staff, gone, "Hi");
        var other = NewPsid();
        var otherId = await CustomerWritesAsync(staff, other, "Hi too");

        var asked = Meta.Requests.Any(r => r.Method == "GET" && r.Path.EndsWith("/" + gone, StringComparison.Ordinal));
        var name = Meta.GetSummary().Pages.Single(p => p.Id == Page).Customers.Single(c => c.Psid == other).Name;
        var goneLabel = (await ConversationAsync(staff, id)).GetProperty("customer").GetString();
        var otherLabel = (await ConversationAsync(staff, otherId)).GetProperty("customer").GetString();
        using var browser = await App.SignedInClientAsync(staff.User);
        var details = await browser.GetStringAsync($"/Integrations/{integrationId}");
        Assert.Multiple(() =>
        {
            Assert.That(asked, Is.True, "LeadOps asked for that customer's profile");
            Assert.That(goneLabel, Is.EqualTo($"Customer …{gone[^4..]}"));
            Assert.That(otherLabel, Is.EqualTo(name), "the page's other customers' profiles are still read");
            Assert.That(details, Does.Not.Contain("Business Asset User Profile Access"), "the app's access is not in question");
        });
    }
}
