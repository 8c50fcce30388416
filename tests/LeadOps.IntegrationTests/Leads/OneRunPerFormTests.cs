using System.Globalization;
using System.Net;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The Leads page starts no second retrieval of a form whose run is still under way (the runs share one queue, so
/// repeated posts would hold back every user's retrievals); it says so beside the form and starts nothing. A run
/// whose process went quiet does not hold the form.
/// </summary>
public sealed class OneRunPerFormTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_form_with_a_run_under_way_is_not_started_again_and_a_quiet_run_does_not_hold_it()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];
        var underWay = await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow);
        using var browser = await App.SignedInClientAsync(user);
        var fields = new Dictionary<string, string>
        {
            ["Retrieve.FormId"] = form,
            ["Retrieve.IntegrationId"] = integrationId.ToString(CultureInfo.InvariantCulture),
            ["Retrieve.Welcome"] = "none",
        };

        var refused = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), Does.Contain($"A retrieval of this form is already under way: run {underWay} has not finished yet"));
        Assert.That(await RunCountAsync(user.Id), Is.EqualTo(1), "nothing started");

        await FinishAsync(user.Id, underWay);
        await AddRunningRunAsync(user.Id, integrationId, form, DateTimeOffset.UtcNow - RetrievalRun.QuietLimit - TimeSpan.FromMinutes(1));
        var started = await browser.PostFormAsync("/Leads?handler=Retrieve", fields, formPage: "/Leads");

        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a quiet run (its process stopped) holds nothing");
        Assert.That(await RunCountAsync(user.Id), Is.EqualTo(3));
    }

    private async Task<long> AddRunningRunAsync(string userId, int integrationId, string form, DateTimeOffset at)
    {
        await using var scope = App.ScopeFor(userId);
        var db = App.Db(scope);
        var run = RetrievalRun.Start(integrationId, form, at);
        db.RetrievalRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private async Task FinishAsync(string userId, long runId)
    {
        await using var scope = App.ScopeFor(userId);
        var db = App.Db(scope);
        (await db.RetrievalRuns.SingleAsync(r => r.Id == runId)).Finish(DateTimeOffset.UtcNow, null, "[]");
        await db.SaveChangesAsync();
    }

    private async Task<int> RunCountAsync(string userId)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).RetrievalRuns.CountAsync();
    }
}
