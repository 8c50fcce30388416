using LeadOps.Domain.Conversations;

namespace LeadOps.UnitTests.Conversations;

public sealed class MessagingWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [TestCase(0, WindowKind.Standard)]
    [TestCase(1, WindowKind.Standard)]
    [TestCase(23.9, WindowKind.Standard)]
    [TestCase(24, WindowKind.HumanAgent)]
    [TestCase(72, WindowKind.HumanAgent)]
    [TestCase(167.9, WindowKind.HumanAgent)]
    [TestCase(168, WindowKind.Closed)]
    [TestCase(192, WindowKind.Closed)]
    public void The_window_follows_the_age_of_the_customers_last_message(double hours, WindowKind expected) =>
        Assert.That(MessagingWindow.At(Now.AddHours(-hours), Now, useHumanAgentTag: true).Kind, Is.EqualTo(expected));

    [Test]
    public void Without_the_human_agent_tag_the_window_closes_after_24_hours() =>
        Assert.That(MessagingWindow.At(Now.AddDays(-3), Now, useHumanAgentTag: false).Kind, Is.EqualTo(WindowKind.Closed));

    [Test]
    public void No_customer_message_means_closed() =>
        Assert.That(MessagingWindow.At(null, Now, true), Is.EqualTo(new MessagingWindow(WindowKind.Closed, null)));

    [Test]
    public void Labels_say_hours_left_the_tag_deadline_or_closed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MessagingWindow.At(Now, Now, true).Label(Now), Is.EqualTo("24 h left"));
            Assert.That(MessagingWindow.At(Now.AddHours(-1), Now, true).Label(Now), Is.EqualTo("23 h left"));
            Assert.That(MessagingWindow.At(Now.AddMinutes(-23 * 60 - 50), Now, true).Label(Now), Is.EqualTo("10 min left"));
            Assert.That(MessagingWindow.At(Now.AddDays(-3), Now, true).Label(Now), Is.EqualTo("Human agent tag until 24 Nov 12:00"));
            Assert.That(MessagingWindow.At(Now.AddDays(-8), Now, true).Label(Now), Is.EqualTo("Closed"));
        });
    }
}
