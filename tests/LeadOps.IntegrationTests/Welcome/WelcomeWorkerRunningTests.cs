using System.Text.Json;

namespace LeadOps.IntegrationTests.Welcome;

/// <summary>The hosted worker itself: woken by a new lead, it sends without being driven, and reports to /status.</summary>
public sealed class WelcomeWorkerRunningTests(DatabaseKind database) : WelcomeFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithSetting("Welcome:WorkerEnabled", "true");

    [Test]
    public async Task A_new_lead_wakes_the_running_worker_and_its_welcome_arrives()
    {
        var staff = await App.NewUserAsync();
        var email = NewEmail();

        await CreateLeadAsync(staff, await CreateIntegrationAsync(staff), email);

        var mail = await Smtp.WaitForAsync(email, TimeSpan.FromSeconds(60));
        Assert.That(mail.RcptTos, Is.EqualTo(new[] { email }));
    }

    [Test]
    public async Task Status_lists_the_welcome_worker()
    {
        using var client = App.OperatorClient();
        using var response = await client.GetAsync("/status"); // 503 is possible: the fake clock makes other workers look late
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var welcome = json.RootElement.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("welcome");
        Assert.That(welcome.GetProperty("detail").GetString(), Does.Not.StartWith("not running"));
    }
}
