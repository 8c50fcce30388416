using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using Moq;

namespace LeadOps.UnitTests.Graph;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GraphMessengerGatewayTests
{
    private static readonly GraphCredentials Credentials = new("page-1", "page-token");

    private readonly Mock<IGraphApi> _api = new(MockBehavior.Strict);
    private GraphSendMessageRequest? _sent;

    [SetUp]
    public void Answer()
    {
        _api.Setup(a => a.SendMessageAsync("page-1", It.IsAny<GraphSendMessageRequest>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .Callback((string _, GraphSendMessageRequest message, GraphCallContext _, CancellationToken _) => _sent = message)
            .ReturnsAsync(new GraphSendMessageResponse { RecipientId = "psid-1", MessageId = "m_1" });
    }

    [Test]
    public async Task Response_is_sent_as_messaging_type_response_without_a_tag()
    {
        var result = await new GraphMessengerGateway(_api.Object).SendTextAsync(Credentials, "psid-1", "Hello", MessengerMessagingType.Response, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_sent, Is.EqualTo(new GraphSendMessageRequest(new GraphRecipientDto("psid-1"), "RESPONSE", new GraphMessageDto("Hello"), null)));
            Assert.That(result, Is.EqualTo(new MessengerSendResult("psid-1", "m_1")));
        });
    }

    [Test]
    public async Task Human_agent_reply_is_sent_as_message_tag_human_agent()
    {
        await new GraphMessengerGateway(_api.Object).SendTextAsync(Credentials, "psid-1", "Hello", MessengerMessagingType.HumanAgentTag, null, CancellationToken.None);

        Assert.That(_sent, Is.EqualTo(new GraphSendMessageRequest(new GraphRecipientDto("psid-1"), "MESSAGE_TAG", new GraphMessageDto("Hello"), "HUMAN_AGENT")));
    }

    [TestCase(false, TestName = "A_success_without_a_message_id_means_meta_took_the_message")]
    [TestCase(true, TestName = "A_success_without_a_body_means_meta_took_the_message")]
    public void A_success_answer_that_names_no_message_means_meta_took_it(bool noBody)
    {
        _api.Setup(a => a.SendMessageAsync("page-1", It.IsAny<GraphSendMessageRequest>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(noBody ? null! : new GraphSendMessageResponse { RecipientId = "psid-1" });

        var thrown = Assert.ThrowsAsync<GraphApiException>(() => new GraphMessengerGateway(_api.Object).SendTextAsync(Credentials, "psid-1", "Hello", MessengerMessagingType.Response, null, CancellationToken.None));

        Assert.That(thrown!.Failure.DoneAnyway, Is.True, "sending again would send it twice");
    }
}
