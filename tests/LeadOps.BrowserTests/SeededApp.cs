using System.Net.Http.Json;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads.Commands;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.BrowserTests;

/// <summary>
/// An app with what a working day holds, for the admin who signs in: the sandbox's main page connected (and a page
/// whose token expires soon, so the alert banner shows), leads that arrived by webhook with names that need folding
/// (Björn, Ångström, Núñez), a retrieval run, a customer conversation in the Inbox and an API key. Welcome e-mails go
/// to a pickup folder, so a lead's page can preview the one it received.
/// </summary>
public static class SeededApp
{
    public const string Psid = "7300000000000077";
    public const string PageName = "Lisboa Bikes";

    public static readonly (string Name, string Email, string Phone)[] People =
    [
        ("Björn Ångström", "bjorn.angstrom@example.se", "+46 70-123 45 67"),
        ("BJÖRN Berg", "berg@example.se", "+46 70-765 43 21"),
        ("Bjorn Olsen", "olsen@example.no", "+47 912 34 567"),
        ("Ana Núñez", "ana@example.es", "+34 600 11 22 33"),
    ];

    public static async Task<BrowserApp> StartAsync()
    {
        var pickup = Path.Combine(TestRun.Scratch, $"mail-{Guid.NewGuid():N}");
        var app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite)
            .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 })
            .WithSetting("Smtp:Host", string.Empty)
            .WithSetting("Smtp:PickupDirectory", pickup));
        try
        {
            var main = await app.App.SendAsync(TestApp.AdminUserId, new ConnectIntegration(SandboxSeed.MainPageToken, PageName));
            Assert.That(main.IsSuccess, Is.True, main.Detail);
            var expiring = await app.App.SendAsync(TestApp.AdminUserId, new ConnectIntegration(SandboxSeed.ExpiringTokenPageToken, null));
            Assert.That(expiring.IsSuccess, Is.True, expiring.Detail);
            foreach (var (name, email, phone) in People)
            {
                SubmitLead(app, name, email, phone);
            }

            await WaitForLeadsAsync(app, People.Length);
            app.App.Graph.AddLeads(SandboxSeed.MainServiceFormId, 3, DateTimeOffset.UtcNow.AddDays(-40), DateTimeOffset.UtcNow.AddDays(-30));
            var run = await app.App.SendAsync(TestApp.AdminUserId, new RetrieveFacebookLeads(main.Value!.Id, SandboxSeed.MainServiceFormId, null, null));
            Assert.That(run.IsSuccess, Is.True, run.Detail);

            using var control = new HttpClient { BaseAddress = app.App.Sandbox.BaseAddress };
            var wrote = await control.PostAsJsonAsync($"/_sandbox/pages/{SandboxSeed.MainPageId}/customers/{Psid}/messages", new { text = "Olá! Is the Trail X9 in stock? https://example.test/a-very-long-link-that-must-wrap-on-a-phone-screen-0123456789" });
            wrote.EnsureSuccessStatusCode();
            await WaitAsync(app, async db => await db.Conversations.AnyAsync(c => c.Psid == Psid), "the customer's conversation");
            await app.App.SendAsync(TestApp.AdminUserId, new LeadOps.Application.Account.Commands.CreateApiKey("CRM sync"));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A person fills in the test ride form; Meta's webhook brings the lead.</summary>
    public static string SubmitLead(BrowserApp app, string name, string email, string phone) =>
        app.App.Graph.SubmitLead(SandboxSeed.MainTestRideFormId, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = [name],
                ["email"] = [email],
                ["phone_number"] = [phone],
                ["city"] = ["Lisboa"],
                ["which_bike_are_you_interested_in?"] = ["trail_x9"],
                ["what_will_you_use_it_for?"] = ["commuting", "weekend_trips"],
            },
        });

    public static Task WaitForLeadsAsync(BrowserApp app, int count) =>
        WaitAsync(app, async db => await db.Leads.CountAsync() >= count, $"{count} leads");

    /// <summary>Waits (bounded) until the admin's data holds what the condition asks.</summary>
    public static async Task WaitAsync(BrowserApp app, Func<LeadOps.Infrastructure.Persistence.LeadOpsDbContext, Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var scope = app.App.ScopeFor(TestApp.AdminUserId))
            {
                if (await condition(app.App.Db(scope)))
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
        }
    }
}
