using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The sandbox's <c>subscribed_apps</c> edge lists the other apps installed on a page and pages them as Graph pages every
/// edge; its <c>leads</c> edge can list a lead without its id.
/// </summary>
public sealed class GraphSandboxSubscribedAppsTests : SandboxFixture
{
    protected override SandboxOptions SandboxOptions() => new() { InitialLeadsPerForm = 0 };

    [Test]
    public async Task Subscribed_apps_are_paged_with_cursors_and_next_and_this_app_comes_after_the_other_apps()
    {
        Graph.InstallOtherApps(SandboxSeed.MainPageId, 30);

        var first = await Http.GetAsync($"{SandboxSeed.MainPageId}/subscribed_apps");
        var next = first.Json.GetProperty("paging").GetProperty("next").GetString()!;
        var second = await Http.SendAsync(HttpMethod.Get, next, SandboxSeed.MainPageToken, null);

        var firstIds = first.Json.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var secondApps = second.Json.GetProperty("data").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstIds, Has.Count.EqualTo(25), "Graph's default page of 25");
            Assert.That(firstIds, Does.Not.Contain(Graph.Options.AppId));
            Assert.That(first.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString(), Is.Not.Empty);
            Assert.That(next, Does.Contain("after="));
            Assert.That(secondApps, Has.Count.EqualTo(6));
            Assert.That(secondApps[^1].GetProperty("id").GetString(), Is.EqualTo(Graph.Options.AppId));
            Assert.That(secondApps[^1].GetProperty("subscribed_fields").EnumerateArray().Select(f => f.GetString()), Does.Contain("leadgen"));
            Assert.That(secondApps[0].GetProperty("name").GetString(), Does.StartWith("Other app"));
            Assert.That(second.Json.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out _), Is.False, "the last page");
            Assert.That(firstIds.Concat(secondApps.Select(a => a.GetProperty("id").GetString())).Distinct().Count(), Is.EqualTo(31), "no app twice");
        }
    }

    [Test]
    public async Task A_lead_submitted_listed_without_id_is_on_the_leads_edge_without_it_and_its_node_still_has_it()
    {
        var hidden = Graph.SubmitLead(SandboxSeed.MainTestRideFormId, new SandboxLead { ListedWithoutId = true });
        var usual = Graph.SubmitLead(SandboxSeed.MainTestRideFormId, new SandboxLead());

        var edge = await Http.GetAsync($"{SandboxSeed.MainTestRideFormId}/leads?fields=id,created_time,field_data");
        var node = await Http.GetAsync($"{hidden}?fields=id,created_time");

        var items = edge.Json.GetProperty("data").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(items, Has.Count.EqualTo(2));
            Assert.That(items.Count(i => !i.TryGetProperty("id", out _)), Is.EqualTo(1), edge.Json.ToString());
            Assert.That(items.Where(i => i.TryGetProperty("id", out _)).Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { usual }));
            Assert.That(items.All(i => i.TryGetProperty("created_time", out _) && i.TryGetProperty("field_data", out _)), Is.True);
            Assert.That(node.Json.GetProperty("id").GetString(), Is.EqualTo(hidden));
        }
    }
}
