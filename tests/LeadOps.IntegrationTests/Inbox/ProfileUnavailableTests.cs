using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The User Profile API's "No profile available for this user." (2018218; messenger-platform/identity/user-profile,
/// "Profile Unavailable": an account made with a phone number) is about that one customer, not the app's access. So is
/// its answer for a PSID Graph cannot load, <c>(#100) Unsupported get request. Object with ID '&lt;PSID&gt;' does not
/// exist, cannot be loaded due to missing permissions, or does not support this operation</c> (100 / 33), which
/// integrators record by the thousand for some PSIDs while their other customers' profiles read fine
/// (botman/driver-facebook issue #90, from <c>getUser</c> in production; DiegoRBaquero/node-fb-messenger issue #32).
/// </summary>
public sealed class ProfileUnavailableTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    [TestCase(false, TestName = "A_customer_meta_has_no_profile_for_keeps_the_label_without_stopping_the_pages_other_profiles")]
    [TestCase(true, TestName = "A_customer_graph_cannot_load_keeps_the_label_without_stopping_the_pages_other_profiles")]
    public async Task A_customer_without_a_profile_keeps_the_label_without_stopping_the_pages_other_profiles(bool gone)
    {
        var staff = await NewStaffAsync();
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        var phoneOnly = NewPsid();
        Meta.Customers.HasNoProfile(Page, phoneOnly, gone);
        var id = await CustomerWritesAsync(staff, phoneOnly, "Hi");
        var other = NewPsid();
        var otherId = await CustomerWritesAsync(staff, other, "Hi too");

        var name = Meta.GetSummary().Pages.Single(p => p.Id == Page).Customers.Single(c => c.Psid == other).Name;
        var phoneOnlyLabel = (await ConversationAsync(staff, id)).GetProperty("customer").GetString();
        var otherLabel = (await ConversationAsync(staff, otherId)).GetProperty("customer").GetString();
        using var browser = await App.SignedInClientAsync(staff.User);
        var details = await browser.GetStringAsync($"/Integrations/{integrationId}");
        Assert.Multiple(() =>
        {
            Assert.That(phoneOnlyLabel, Is.EqualTo($"Customer …{phoneOnly[^4..]}"));
            Assert.That(otherLabel, Is.EqualTo(name), "the page's other customers' profiles are still read");
            Assert.That(details, Does.Not.Contain("Business Asset User Profile Access"), "the app's access is not in question");
        });
    }
}
