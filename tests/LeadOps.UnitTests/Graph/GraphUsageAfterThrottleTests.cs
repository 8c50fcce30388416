using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// A page's usage reading that named a time to regain access (Meta's <c>estimated_time_to_regain_access</c>, sent with
/// a throttled call) says nothing once that time has passed: the next call is not paced by it, and the schedule's
/// budget does not slow down on it. The next answer brings the page's current usage.
/// </summary>
public sealed class GraphUsageAfterThrottleTests
{
    private const string Page = "page-1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_throttled_reading_paces_calls_until_access_comes_back_and_no_longer()
    {
        var tracker = Tracker();
        tracker.Record(Page, Throttled(regainMinutes: 5));

        var whileThrottled = tracker.GetPacing(Page);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var afterRegain = tracker.GetPacing(Page);

        Assert.Multiple(() =>
        {
            Assert.That(whileThrottled.Delay, Is.EqualTo(new FacebookOptions().Resilience.MaxPacingDelay));
            Assert.That(afterRegain.Delay, Is.EqualTo(TimeSpan.Zero));
            Assert.That(afterRegain.Percent, Is.Null);
        });
    }

    [Test]
    public void A_high_reading_without_a_time_to_regain_access_still_paces_for_the_hour()
    {
        var tracker = Tracker();
        tracker.Record(Page, Throttled(regainMinutes: 0));

        _clock.Advance(TimeSpan.FromMinutes(59));

        Assert.That(tracker.GetPacing(Page).Delay, Is.EqualTo(new FacebookOptions().Resilience.MaxPacingDelay));
    }

    [Test]
    public void The_schedules_budget_forgets_the_throttled_reading_once_access_is_back()
    {
        var tracker = Tracker();
        var budget = new GraphSyncBudget(tracker, _clock);
        tracker.Record(Page, Throttled(regainMinutes: 5));

        var whileThrottled = budget.Of(Page);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var afterRegain = budget.Of(Page);

        Assert.Multiple(() =>
        {
            Assert.That(whileThrottled.UsedPercent, Is.EqualTo(100));
            Assert.That(whileThrottled.RegainAccessIn, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(afterRegain.UsedPercent, Is.Null);
            Assert.That(afterRegain.RegainAccessIn, Is.Null);
        });
    }

    private GraphUsageTracker Tracker()
    {
        var options = new Mock<IOptionsMonitor<FacebookOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new FacebookOptions());
        return new GraphUsageTracker(_clock, options.Object);
    }

    private static GraphUsage Throttled(int regainMinutes) => new(null, null,
        [new GraphBusinessUseCaseUsage(Page, "leadgen", 100, 20, 10, TimeSpan.FromMinutes(regainMinutes))]);
}
