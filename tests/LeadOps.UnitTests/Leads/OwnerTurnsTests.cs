using LeadOps.Infrastructure.Leads;

namespace LeadOps.UnitTests.Leads;

public sealed class OwnerTurnsTests
{
    [Test]
    public async Task An_owner_not_served_yet_comes_before_the_later_runs_of_an_owner_just_served()
    {
        var turns = new OwnerTurns<string>();
        turns.Add("a", "a1");
        turns.Add("a", "a2");
        Assert.That(await turns.TakeAsync(CancellationToken.None), Is.EqualTo(("a", "a1")));
        turns.Add("a", "a3");
        turns.Add("b", "b1");

        Assert.That(await TakeAllAsync(turns, 3), Is.EqualTo(new[] { "b1", "a2", "a3" }));
    }

    [Test]
    public async Task Owners_take_turns_and_each_owners_runs_keep_their_order()
    {
        var turns = new OwnerTurns<string>();
        foreach (var run in new[] { "a1", "a2", "a3", "b1", "b2", "c1" })
        {
            turns.Add(run[..1], run);
        }

        Assert.That(await TakeAllAsync(turns, 6), Is.EqualTo(new[] { "a1", "b1", "c1", "a2", "b2", "a3" }));
    }

    [Test]
    public async Task A_take_waits_for_a_run_and_gives_up_when_cancelled()
    {
        var turns = new OwnerTurns<string>();
        var waiting = turns.TakeAsync(CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False, "nothing queued yet");
        turns.Add("a", "a1");
        Assert.That(await waiting, Is.EqualTo(("a", "a1")));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.That(async () => await turns.TakeAsync(cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private static async Task<List<string>> TakeAllAsync(OwnerTurns<string> turns, int count)
    {
        var taken = new List<string>();
        for (var i = 0; i < count; i++)
        {
            taken.Add((await turns.TakeAsync(CancellationToken.None)).Item);
        }

        return taken;
    }
}
