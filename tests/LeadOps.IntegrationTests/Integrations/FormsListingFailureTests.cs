using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// A page whose <c>leadgen_forms</c> listing Graph refuses while the page is connected (an outage, or a permission the
/// listing needs, such as pages_manage_ads): the page is connected all the same, the answer and the integration's page
/// say that its lead forms could not be listed and why (never "no lead forms found"), the rest of the check still runs
/// (the webhook subscription that brings its leads), and the next listing that goes through brings the forms and clears
/// the warning.
/// </summary>
public sealed class FormsListingFailureTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly string Page = SandboxSeed.MainPageId;

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [TestCase(FaultKind.Transient, null, "Facebook had a temporary problem", TestName = "Connecting_while_graph_fails_to_list_the_forms_says_so_and_a_later_listing_brings_them")]
    [TestCase(FaultKind.PermissionMissing, "pages_manage_ads", "pages_manage_ads", TestName = "Connecting_without_the_permission_the_forms_listing_needs_says_so_and_a_later_listing_brings_them")]
    public async Task A_forms_listing_refused_at_connect_is_shown_and_listed_again_later(FaultKind kind, string? permission, string reason)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = Page, Kind = kind, Permission = permission });

        var connected = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        var id = connected.GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);
        var details = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/Integrations/{id}"));

        Assert.Multiple(() =>
        {
            Assert.That(connected.GetProperty("forms").GetArrayLength(), Is.Zero);
            Assert.That(connected.GetProperty("last_error").GetString(), Does.StartWith("LeadOps could not list the page's lead forms").And.Contain(reason));
            Assert.That(connected.GetProperty("leadgen_subscribed").ValueKind, Is.EqualTo(JsonValueKind.True), "the webhook subscription was still checked");
            Assert.That(details, Does.Contain("LeadOps could not list the page's lead forms"));
            Assert.That(details, Does.Not.Contain("No lead forms found on this page yet"), "the page does not say the page has no forms");
        });

        Graph.ClearFaults();
        await App.SendAsync(user, new ProbeLeadForms(id));

        var later = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(later.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("id").GetString()), Is.SupersetOf(SandboxSeed.FormIdsOf(Page)));
            Assert.That(later.GetProperty("last_error").ValueKind, Is.EqualTo(JsonValueKind.Null), "the warning is gone once the forms are listed");
        });
    }

    /// <summary>
    /// The permission a refused listing named is listed as missing, and goes again once a listing goes through (the minute's
    /// probe), not only at the next Test; the page no longer shows a missing permission.
    /// </summary>
    [Test]
    public async Task A_permission_only_the_forms_listing_found_missing_goes_once_a_listing_goes_through()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = Page, Kind = FaultKind.PermissionMissing, Permission = "pages_manage_ads" });
        var connected = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        var id = connected.GetProperty("id").GetInt32();
        Assert.That(connected.GetProperty("missing_permissions").EnumerateArray().Select(p => p.GetString()), Does.Contain("pages_manage_ads"));

        Graph.ClearFaults();
        await App.SendAsync(user, new ProbeLeadForms(id));

        var later = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(later.GetProperty("missing_permissions").GetArrayLength(), Is.Zero, "the listing that went through took it off");
            Assert.That(later.GetProperty("status").GetString(), Is.Not.EqualTo("missing_permission"));
        });
    }

    /// <summary>The hourly page check meets the same refusal: it is recorded in the same words, and the rest of the check still runs.</summary>
    [Test]
    public async Task The_hourly_check_says_the_forms_could_not_be_listed_and_still_checks_the_subscription()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = Page, Kind = FaultKind.PermissionMissing, Permission = "pages_manage_ads" });
        var seen = Graph.Requests.Count;

        var checkedNow = await App.SendAsync(user, new CheckLeadDelivery(id));

        Assert.Multiple(() =>
        {
            Assert.That(checkedNow.Value!.LastError, Does.StartWith("LeadOps could not list the page's lead forms: ").And.Contain("pages_manage_ads"));
            Assert.That(Graph.Requests.Skip(seen).Select(r => r.Path), Has.Some.EndsWith($"/{Page}/subscribed_apps"), "the webhook subscription was still checked");
            Assert.That(checkedNow.Value.Forms.Select(f => f.FormId), Is.SupersetOf(SandboxSeed.FormIdsOf(Page)), "the forms it had are kept");
        });
    }

    /// <summary>Reconnecting with a new token while Graph will not list the forms: the forms LeadOps had are kept, and the answer says why they were not listed again.</summary>
    [Test]
    public async Task Reconnecting_while_graph_will_not_list_the_forms_keeps_them_and_says_so()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = Page, Kind = FaultKind.PermissionMissing, Code = 10 });

        var reconnected = await App.SendAsync(user, new ReconnectIntegration(id, SandboxSeed.MainPageToken));

        Assert.Multiple(() =>
        {
            Assert.That(reconnected.IsSuccess, Is.True, reconnected.Detail);
            Assert.That(reconnected.Value!.LastError, Does.StartWith("LeadOps could not list the page's lead forms"));
            Assert.That(reconnected.Value.Forms.Select(f => f.FormId), Is.SupersetOf(SandboxSeed.FormIdsOf(Page)), "the forms it had are kept");
            Assert.That(reconnected.Value.LeadgenSubscribed, Is.True, "the webhook subscription was still checked");
        });
    }
}
