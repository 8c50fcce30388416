using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Web.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The demo stopped and started again on its data folder (ADR 0026): the sandbox it hosts keeps its state in a file
/// beside the database, so a customer who wrote before the restart can be answered after it, the customer's next message
/// is not taken for one already stored, and a lead submitted after it gets an id of its own.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class DemoRestartTests
{
    private const string Psid = "7300000000000088";

    [Test]
    public async Task After_a_restart_on_the_same_folder_staff_answer_a_customer_who_wrote_before_and_no_lead_is_taken_for_another()
    {
        var folder = Path.Combine(TestRun.Scratch, "demo-" + Guid.NewGuid().ToString("N"));
        var database = $"Data Source={Path.Combine(folder, "leadops.db")}";
        string firstLead;
        await using (var first = await StartDemoAsync(database))
        {
            var sandbox = SandboxOf(first);
            sandbox.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Is the e-bike still free on Saturday?");
            firstLead = sandbox.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
            await HangGuard.UntilAsync("the message and the lead", async _ => await MessagesAsync(first) is [_] && await LeadIdsAsync(first) is [_]);
        }

        await using var again = await StartDemoAsync(database);
        var restarted = SandboxOf(again);
        using var api = AdminApi(again);
        var conversation = (await api.GetFromJsonAsync<JsonElement>("/api/conversations")).GetProperty("conversations")[0].GetProperty("id").GetGuid();

        var reply = await api.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = "Yes, it is: see you at ten." });
        restarted.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Great, thanks!");
        var secondLead = restarted.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
        await HangGuard.UntilAsync("the customer's next message and a new lead (a sandbox that gave out an id again would have them taken for stored ones)", async _ => await MessagesAsync(again) is [_, _, _] && await LeadIdsAsync(again) is [_, _]);

        Assert.Multiple(async () =>
        {
            Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reply.Content.ReadAsStringAsync());
            Assert.That(restarted.SentMessages.Select(s => (s.Psid, s.Text)), Is.EqualTo(new[] { (Psid, "Yes, it is: see you at ten.") }));
            Assert.That(secondLead, Is.Not.EqualTo(firstLead), "the sandbox's lead ids go on from where they were");
            Assert.That(await LeadIdsAsync(again), Is.EquivalentTo(new[] { firstLead, secondLead }));
            Assert.That(await MessagesAsync(again), Is.EqualTo(new[] { "Is the e-bike still free on Saturday?", "Yes, it is: see you at ten.", "Great, thanks!" }));
            Assert.That(File.Exists(Path.Combine(folder, "leadops.graph-sandbox.json")), "the state is kept beside the database");
        });
    }

    private static Task<TestApp> StartDemoAsync(string database) => TestApp.Create(DatabaseKind.Sqlite).AsDemo().OnDatabase(database).OnKestrel().StartAsync();

    private static SandboxState SandboxOf(TestApp app) => app.Services.GetRequiredService<InProcessSandbox>().Server!.State;

    private static HttpClient AdminApi(TestApp app)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestApp.AdminApiKey);
        client.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);
        return client;
    }

    private static async Task<List<string>> LeadIdsAsync(TestApp app)
    {
        await using var scope = app.ScopeFor(TestApp.AdminUserId);
        return await app.Db(scope).Leads.Select(l => l.FacebookLeadId).ToListAsync();
    }

    private static async Task<List<string?>> MessagesAsync(TestApp app)
    {
        using var api = AdminApi(app);
        var list = (await api.GetFromJsonAsync<JsonElement>("/api/conversations")).GetProperty("conversations");
        if (list.GetArrayLength() == 0)
        {
            return [];
        }

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{list[0].GetProperty("id").GetGuid()}");
        return [.. detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString())];
    }
}
