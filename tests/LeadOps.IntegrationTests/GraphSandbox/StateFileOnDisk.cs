namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>Waits for the Graph sandbox's state file (ADR 0026) to hold something, as it is on disk while the sandbox runs.</summary>
internal static class StateFileOnDisk
{
    /// <summary>How long a change may take to reach the file on two busy cores (it is written about every second).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A state file of the test's own, not there yet.</summary>
    public static string NewPath() => Path.Combine(TestRun.Scratch, $"sandbox-{Guid.NewGuid():N}.json");

    /// <summary>Waits until <paramref name="file"/> exists and holds <paramref name="text"/>, or fails after <see cref="Deadline"/>.</summary>
    public static async Task UntilItHoldsAsync(string file, string text)
    {
        using var _ = HangGuard.LimitTo(Deadline);
        await HangGuard.UntilAsync($"the state file {file} to hold {text}", async ct => File.Exists(file) && (await File.ReadAllTextAsync(file, ct)).Contains(text, StringComparison.Ordinal));
    }
}
