namespace LeadOps.TestSupport;

/// <summary>
/// What a test does when something it needs from the machine is missing (Docker, Chromium, python3-aiosmtpd,
/// redis-server): it is reported as skipped with the reason, unless the dependency's LEADOPS_REQUIRE_* variable is 1,
/// where the machine must have it and the test fails instead.
/// </summary>
public static class TestDependency
{
    public static bool IsRequired(string requireVariable) => Environment.GetEnvironmentVariable(requireVariable) == "1";

    /// <summary>Ends the calling test (or the fixture's set-up): Ignore with the reason, or Fail where it is required.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string reason, string requireVariable)
    {
        if (IsRequired(requireVariable))
        {
            Assert.Fail($"{reason}; {requireVariable}=1 requires it.");
        }

        Assert.Ignore(reason);
        throw new InvalidOperationException(reason); // not reached: Assert.Ignore throws
    }
}
