using System.Globalization;
using System.Net;
using LeadOps.GraphSandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// <see cref="SandboxOptions.StateFile"/> (ADR 0026) is written while the sandbox runs, within seconds of a change, so a
/// process killed without a stop leaves a file that has what the sandbox learnt. Each test waits for the file (written
/// about every second), hence Slow.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class SandboxStateWrittenWhileRunningTests
{
    private const string Psid = "7300000000000077";

    [Test]
    public async Task A_change_reaches_the_state_file_while_the_sandbox_runs_and_a_sandbox_started_on_that_file_has_it()
    {
        var file = StateFileOnDisk.NewPath();
        await using var running = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 3 });
        var lead = running.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();
        var mid = running.State.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Hello");
        await StateFileOnDisk.UntilItHoldsAsync(file, Psid);

        // The file as it is on disk while the sandbox still runs is what a killed process leaves: no stop wrote it.
        var leftBehind = StateFileOnDisk.NewPath();
        File.Copy(file, leftBehind);
        await using var again = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = leftBehind, InitialLeadsPerForm = 3 });
        var customers = again.State.GetSummary().Pages.Single(p => p.Id == SandboxSeed.MainPageId).Customers.Select(c => c.Psid);
        var nextMid = again.State.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Still there?");
        var nextLead = again.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That(customers, Does.Contain(Psid), "the customer is known");
            Assert.That(nextMid, Is.Not.EqualTo(mid), "message ids go on");
            Assert.That(long.Parse(nextLead, CultureInfo.InvariantCulture), Is.GreaterThan(long.Parse(lead, CultureInfo.InvariantCulture)), "lead ids go on");
        });
    }

    [Test]
    public async Task A_write_that_fails_is_one_warning_with_its_reason_the_sandbox_serves_on_and_the_file_is_written_once_it_can_be()
    {
        using var limit = HangGuard.LimitTo(StateFileOnDisk.Deadline);
        var blocker = StateFileOnDisk.NewPath();
        await File.WriteAllTextAsync(blocker, "a file where the state file's folder should be");
        var file = Path.Combine(blocker, "state.json");
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, LoggerFactory = loggers });

        await HangGuard.UntilAsync("a warning that the state was not written", _ => Task.FromResult(Records(logs, LogLevel.Warning).Count > 0));
        sandbox.State.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Hello");
        using var graph = new SandboxClient(sandbox.BaseAddress);
        var me = await graph.GetAsync("me");
        File.Delete(blocker);
        await StateFileOnDisk.UntilItHoldsAsync(file, Psid);
        await HangGuard.UntilAsync("a word that the state is written again", _ => Task.FromResult(Records(logs, LogLevel.Information).Count > 0));

        var warning = Records(logs, LogLevel.Warning).Single();
        Assert.Multiple(() =>
        {
            Assert.That(me.Status, Is.EqualTo(HttpStatusCode.OK), "the sandbox serves on");
            Assert.That(warning.Message, Does.Contain(file));
            Assert.That(warning.GetStructuredStateValue("Reason"), Is.Not.Empty, "the reason is given");
            Assert.That(warning.Exception, Is.Null, "no stack trace");
            Assert.That(Records(logs, LogLevel.Information).Single().Message, Does.Contain("again"));
        });
    }

    private static List<FakeLogRecord> Records(FakeLoggerProvider logs, LogLevel level) =>
        [.. logs.Collector.GetSnapshot().Where(r => r.Level == level && r.Category == "LeadOps.GraphSandbox.SandboxStateWriter")];
}
