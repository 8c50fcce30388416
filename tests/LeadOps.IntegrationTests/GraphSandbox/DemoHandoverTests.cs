using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Web.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The demo's thread control (ADR 0012): its bot is the sandbox console's, named as <c>Messenger:BotAppId</c> in
/// appsettings.Development.json, so a conversation the console's bot escalated goes back to that bot when staff release it,
/// and the thread says so, instead of LeadOps keeping the thread with nobody to pass it to.
/// </summary>
public sealed class DemoHandoverTests
{
    private const string Psid = "7300000000000089";

    [Test]
    public void The_development_settings_name_the_sandbox_consoles_bot()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestRun.CheckoutRoot(), "src", "LeadOps.Web", "appsettings.Development.json"), optional: false).Build();

        Assert.That(settings["Messenger:BotAppId"], Is.EqualTo(SandboxSeed.DemoBotAppId));
    }

    [Test]
    [Category(TestCategories.Slow)]
    public async Task Released_by_staff_a_conversation_the_consoles_bot_escalated_goes_back_to_that_bot()
    {
        await using var app = await TestApp.Create(DatabaseKind.Sqlite).AsDemo().OnKestrel().StartAsync();
        var sandbox = app.Services.GetRequiredService<InProcessSandbox>().Server!.State;
        using var api = app.AdminClient();

        sandbox.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Can a person call me back?");
        sandbox.Customers.Handover(SandboxSeed.MainPageId, Psid, "pass_thread_control", SandboxSeed.DemoBotAppId, sandbox.Options.AppId, "Wants a call");
        var id = Guid.Empty;
        await HangGuard.UntilAsync("the escalation", async ct =>
        {
            var list = (await api.GetFromJsonAsync<JsonElement>("/api/conversations", ct)).GetProperty("conversations");
            var escalated = list.EnumerateArray().FirstOrDefault(c => c.GetProperty("state").GetString() == "needs_human");
            id = escalated.ValueKind == JsonValueKind.Object ? escalated.GetProperty("id").GetGuid() : Guid.Empty;
            return id != Guid.Empty;
        });

        var taken = await api.PostAsync($"/api/conversations/{id}/take", null);
        var released = await api.PostAsync($"/api/conversations/{id}/release", null);
        var conversation = await released.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(taken.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await taken.Content.ReadAsStringAsync());
            Assert.That(released.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await released.Content.ReadAsStringAsync());
            Assert.That(
                sandbox.Customers.ThreadControlCalls.Where(c => c.Psid == Psid).Select(c => (c.Action, c.TargetAppId, c.Granted)),
                Is.EqualTo(new[] { ("pass_thread_control", (string?)SandboxSeed.DemoBotAppId, true) }),
                "LeadOps held the thread the bot passed it, so it took nothing, and passed it back to the console's bot");
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("bot"));
            Assert.That(conversation.GetProperty("thread_owner").GetProperty("name").GetString(), Is.EqualTo("the bot"));
        });
    }
}
