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
/// is not taken for one already stored, and a lead submitted after it gets an id of its own; and so it is after a demo
/// killed without a stop, because the file is written while the demo runs.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class DemoRestartTests
{
    private const string Psid = "7300000000000088";

    [Test]
    public async Task After_a_restart_on_the_same_folder_staff_answer_a_customer_who_wrote_before_and_no_lead_is_taken_for_another()
    {
        var folder = NewFolder();
        var database = DatabaseIn(folder);
        string firstLead;
        await using (var first = await StartDemoAsync(database))
        {
            firstLead = await ALeadArrivesAndACustomerWritesAsync(first);
        }

        await using var again = await StartDemoAsync(database);
        await AssertTheDemoGoesOnAsync(again, firstLead);
        Assert.That(File.Exists(StateFileIn(folder)), "the state is kept beside the database");
    }

    /// <summary>
    /// What a demo killed without a stop leaves: its database as it stood (what it stored is committed) and the state file
    /// as it was on disk while the demo ran. The test takes the file while the demo runs, lets the demo stop (which
    /// writes the file again), and puts back what it took.
    /// </summary>
    [Test]
    public async Task A_demo_killed_without_a_stop_has_already_written_what_its_sandbox_learnt_so_started_again_it_still_answers_the_customer()
    {
        var folder = NewFolder();
        var database = DatabaseIn(folder);
        var stateFile = StateFileIn(folder);
        string firstLead;
        byte[] leftByAKill;
        await using (var first = await StartDemoAsync(database))
        {
            firstLead = await ALeadArrivesAndACustomerWritesAsync(first);
            await StateFileOnDisk.UntilItHoldsAsync(stateFile, Psid);
            leftByAKill = await File.ReadAllBytesAsync(stateFile);
        }

        await File.WriteAllBytesAsync(stateFile, leftByAKill);
        await using var again = await StartDemoAsync(database);
        await AssertTheDemoGoesOnAsync(again, firstLead);
    }

    /// <summary>A lead, then a customer's message (so a state file that holds the customer holds the lead too), both stored by the demo; returns the lead's id.</summary>
    private static async Task<string> ALeadArrivesAndACustomerWritesAsync(TestApp app)
    {
        var sandbox = SandboxOf(app);
        var lead = sandbox.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
        sandbox.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Is the e-bike still free on Saturday?");
        await HangGuard.UntilAsync("the message and the lead", async _ => await MessagesAsync(app) is [_] && await LeadIdsAsync(app) is [_]);
        return lead;
    }

    /// <summary>Staff answer the customer, whose next message is stored, and a new lead is stored beside the first under an id of its own.</summary>
    private static async Task AssertTheDemoGoesOnAsync(TestApp again, string firstLead)
    {
        var restarted = SandboxOf(again);
        using var api = again.AdminClient();
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
        });
    }

    private static string NewFolder() => Path.Combine(TestRun.Scratch, "demo-" + Guid.NewGuid().ToString("N"));

    private static string DatabaseIn(string folder) => $"Data Source={Path.Combine(folder, "leadops.db")}";

    private static string StateFileIn(string folder) => Path.Combine(folder, "leadops.graph-sandbox.json");

    private static Task<TestApp> StartDemoAsync(string database) => TestApp.Create(DatabaseKind.Sqlite).AsDemo().OnDatabase(database).OnKestrel().StartAsync();

    private static SandboxState SandboxOf(TestApp app) => app.Services.GetRequiredService<InProcessSandbox>().Server!.State;

    private static async Task<List<string>> LeadIdsAsync(TestApp app)
    {
        await using var scope = app.ScopeFor(TestApp.AdminUserId);
        return await app.Db(scope).Leads.Select(l => l.FacebookLeadId).ToListAsync();
    }

    private static async Task<List<string?>> MessagesAsync(TestApp app)
    {
        using var api = app.AdminClient();
        var list = (await api.GetFromJsonAsync<JsonElement>("/api/conversations")).GetProperty("conversations");
        if (list.GetArrayLength() == 0)
        {
            return [];
        }

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/conversations/{list[0].GetProperty("id").GetGuid()}");
        return [.. detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString())];
    }
}
