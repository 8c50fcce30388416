using LeadOps.Application.Common.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// A reply whose send got no answer that says what happened is shown to staff as possibly sent: "try again" would have
/// them send the customer the same message twice, while Meta's echo marks it sent if it went.
/// </summary>
public sealed class UnknownSendOutcomeTextTests
{
    private static readonly GraphFailure Timeout =
        new(GraphFailureKind.Transient, null, null, null, "Graph did not answer within 30 s", null, null, null);

    [Test]
    public void A_send_whose_outcome_is_unknown_says_facebook_may_have_sent_it_and_when_to_retry()
    {
        var text = GraphFailureText.Describe(Timeout with { OutcomeUnknown = true });

        Assert.That(text, Does.Contain("did not say whether it sent this message").And.Contain("retry only if it stays failed").And.Not.Contain("try again in a few minutes"));
    }

    [Test]
    public void Any_other_temporary_problem_still_says_try_again()
    {
        Assert.That(GraphFailureText.Describe(Timeout), Is.EqualTo("Facebook had a temporary problem: try again in a few minutes."));
    }
}
