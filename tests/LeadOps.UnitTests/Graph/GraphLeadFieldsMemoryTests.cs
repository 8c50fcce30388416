using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// What a page's lead reads were refused is kept for the page (<see cref="GraphLeadFieldsMemory"/>): its next reads start
/// without it, another page's do not, and after <see cref="FacebookOptions.RefusedLeadFieldsMemory"/> every field is asked
/// again. Two reads refused at once narrow the page once, and only the read that narrowed it logs.
/// </summary>
public sealed class GraphLeadFieldsMemoryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private readonly FacebookOptions _options = new();

    private GraphLeadFieldsMemory Memory(TimeSpan keepFor)
    {
        _options.RefusedLeadFieldsMemory = keepFor;
        var options = new Mock<IOptionsMonitor<FacebookOptions>>();
        options.Setup(o => o.CurrentValue).Returns(_options);
        return new GraphLeadFieldsMemory(_clock, options.Object);
    }

    private static readonly string[] Vehicle = ["vehicle"];

    private static readonly string[] WithoutVehicle = ["partner_name", "retailer_item_id", "home_listing", "post"];

    private static GraphApiException Refusal(int code, string message) =>
        new(new GraphFailure(code == 3 ? GraphFailureKind.PermissionMissing : GraphFailureKind.InvalidRequest, code, null, "OAuthException", message, "trace", false, 400));

    [Test]
    public void A_narrowing_holds_for_its_page_alone_and_for_its_time()
    {
        var memory = Memory(TimeSpan.FromHours(3));

        var narrowed = memory.Narrow("page-1", Vehicle);
        _clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        var justBefore = memory.StartFor("page-1");
        var otherPage = memory.StartFor("page-2");
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(narrowed, Is.True);
            Assert.That(justBefore, Is.EqualTo(WithoutVehicle));
            Assert.That(otherPage, Is.EqualTo(GraphLeadMapper.VerticalFields));
            Assert.That(memory.StartFor("page-1"), Is.EqualTo(GraphLeadMapper.VerticalFields), "the time is up: every field again");
        });
    }

    [Test]
    public void A_narrowing_the_page_already_has_changes_nothing_and_a_further_one_keeps_both()
    {
        var memory = Memory(TimeSpan.FromHours(3));
        memory.Narrow("page-1", Vehicle);

        var again = memory.Narrow("page-1", Vehicle);
        var fromEveryField = memory.Narrow("page-1", ["home_listing", "post", "vehicle"]);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.False);
            Assert.That(fromEveryField, Is.True, "a read that started from every field was refused others too");
            Assert.That(memory.StartFor("page-1"), Is.EqualTo(new[] { "partner_name", "retailer_item_id" }), "what either read was refused");
        });
    }

    [Test]
    public void With_no_time_to_keep_it_every_read_asks_every_field_and_says_so()
    {
        var memory = Memory(TimeSpan.Zero);

        var first = memory.Narrow("page-1", Vehicle);
        var second = memory.Narrow("page-1", Vehicle);

        Assert.Multiple(() =>
        {
            Assert.That(first && second, Is.True, "each narrowing is logged");
            Assert.That(memory.StartFor("page-1"), Is.EqualTo(GraphLeadMapper.VerticalFields));
        });
    }

    [Test]
    public async Task Two_reads_refused_at_once_log_the_narrowing_once_and_the_next_read_starts_narrowed()
    {
        var memory = Memory(TimeSpan.FromHours(3));
        var logs = new FakeLogCollector();
        var logger = new FakeLogger(logs);
        var bothAsked = new TaskCompletionSource();
        var asked = 0;
        Task<int> Ask(string fields)
        {
            if (!fields.Contains("vehicle", StringComparison.Ordinal))
            {
                return Task.FromResult(1);
            }

            if (Interlocked.Increment(ref asked) == 2)
            {
                bothAsked.SetResult();
            }

            return bothAsked.Task.ContinueWith<int>(
                _ => throw new GraphApiException(new GraphFailure(GraphFailureKind.InvalidRequest, 100, null, "OAuthException",
                    "(#100) Tried accessing nonexisting field (vehicle) on node type (Lead)", "trace", false, 400)),
                TaskScheduler.Default);
        }

        await Task.WhenAll(
            new GraphLeadFields(logger, "lead 1", memory, "page-1").RunAsync(Ask),
            new GraphLeadFields(logger, "lead 2", memory, "page-1").RunAsync(Ask));
        var next = new GraphLeadFields(logger, "lead 3", memory, "page-1");

        Assert.Multiple(() =>
        {
            Assert.That(logs.GetSnapshot().Count(l => l.Id.Name == "GraphLeadFieldsNarrowed"), Is.EqualTo(1));
            Assert.That(next.Current.Split(','), Does.Not.Contain("vehicle").And.Contain("post"));
            Assert.That(next.LeftOut, Is.EqualTo(new[] { "vehicle" }));
        });
    }

    [Test]
    public void A_narrowing_after_the_time_is_up_keeps_only_what_was_refused_then()
    {
        var memory = Memory(TimeSpan.FromHours(3));
        memory.Narrow("page-1", Vehicle);
        _clock.Advance(TimeSpan.FromHours(4));

        // A long walk that started without vehicle is refused post after the page's time is up: vehicle was not asked again.
        var narrowed = memory.Narrow("page-1", ["post"]);

        Assert.Multiple(() =>
        {
            Assert.That(narrowed, Is.True);
            Assert.That(memory.StartFor("page-1"), Is.EqualTo(new[] { "partner_name", "retailer_item_id", "home_listing", "vehicle" }));
        });
    }

    [Test]
    public void Shortening_the_time_shortens_what_is_kept()
    {
        var memory = Memory(TimeSpan.FromHours(3));
        memory.Narrow("page-1", Vehicle);

        _options.RefusedLeadFieldsMemory = TimeSpan.Zero;

        Assert.That(memory.StartFor("page-1"), Is.EqualTo(GraphLeadMapper.VerticalFields));
    }

    [Test]
    public async Task A_capability_refusal_that_is_refused_again_without_the_fields_leaves_the_page_every_field()
    {
        var memory = Memory(TimeSpan.FromHours(3));
        var logs = new FakeLogCollector();
        var capability = Refusal(3, "(#3) Application does not have the capability to make this API call.");

        // The app or token lacks the capability for the read itself: the narrowed read is refused just the same.
        Assert.ThrowsAsync<GraphApiException>(() =>
            new GraphLeadFields(new FakeLogger(logs), "lead 1", memory, "page-1").RunAsync<int>(_ => throw capability));
        var answered = await new GraphLeadFields(new FakeLogger(logs), "lead 2", memory, "page-1").RunAsync(fields => Task.FromResult(fields));

        Assert.Multiple(() =>
        {
            Assert.That(memory.StartFor("page-1"), Is.EqualTo(GraphLeadMapper.VerticalFields));
            Assert.That(answered.Split(','), Does.Contain("vehicle").And.Contain("post"));
            Assert.That(logs.GetSnapshot().Count(l => l.Id.Name == "GraphLeadFieldsNarrowed"), Is.Zero, "nothing was read without them");
        });
    }
}
