using System.Net;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Application.Integrations;
using LeadOps.UnitTests.Graph.Support;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Meta's answers on the Messenger side of Graph (Send API, sender actions, User Profile, handover, subscribed_apps), as
/// its reference pages and public Messenger SDKs record them, through the real Graph client.
/// </summary>
public sealed class GraphMessengerAnswersTests
{
    private static readonly GraphCredentials Credentials = new("1100", "page-token");

    private static async Task<MessengerSendResult> SendAsync(HttpStatusCode status, string body)
    {
        using var graph = new StubGraph(status, body);
        return await graph.Get<IMessengerGateway>().SendTextAsync(Credentials, "7001", "Hello", MessengerMessagingType.Response, null, CancellationToken.None);
    }

    [TestCase("""{"recipient_id":"7001","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"}""", TestName = "Send_answer_as_documented")]
    [TestCase("""{"recipient_id":7001,"message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"}""", TestName = "Send_answer_with_the_recipient_as_a_number")]
    [TestCase("""{"recipient_id":"7001","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM","attachment_id":"1857777774821032"}""", TestName = "Send_answer_of_a_reusable_attachment")]
    [TestCase("""{"recipient_id":"7001","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM","attachment_id":1857777774821032,"extra":{"a":[1]}}""", TestName = "Send_answer_with_numbers_and_extra_fields")]
    public async Task A_send_meta_took_is_sent(string body)
    {
        var sent = await SendAsync(HttpStatusCode.OK, body);
        Assert.That(sent, Is.EqualTo(new MessengerSendResult("7001", "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM")));
    }

    [TestCase("text/javascript")]
    [TestCase("text/plain")]
    public async Task A_send_answer_in_another_media_type_is_read(string mediaType)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, """{"recipient_id":"7001","message_id":"m_1"}""", mediaType);
        var sent = await graph.Get<IMessengerGateway>().SendTextAsync(Credentials, "7001", "Hello", MessengerMessagingType.Response, null, CancellationToken.None);
        Assert.That(sent, Is.EqualTo(new MessengerSendResult("7001", "m_1")));
    }

    [TestCase(HttpStatusCode.BadRequest, """{"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"A1"}}""", GraphFailureKind.OutsideMessagingWindow, TestName = "Outside_the_window")]
    [TestCase(HttpStatusCode.OK, """{"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"A1"}}""", GraphFailureKind.OutsideMessagingWindow, TestName = "Outside_the_window_with_http_200")]
    [TestCase(HttpStatusCode.OK, """{"error":{"message":"(#100) No matching user found","type":"OAuthException","code":100,"error_subcode":2018001,"fbtrace_id":"A1"}}""", GraphFailureKind.InvalidRequest, TestName = "No_matching_user_with_http_200")]
    [TestCase(HttpStatusCode.InternalServerError, """{"error":{"message":"(#1200) Temporary send message failure. Please try again later","type":"OAuthException","code":1200,"fbtrace_id":"A1"}}""", GraphFailureKind.Transient, TestName = "Temporary_send_failure_500")]
    [TestCase(HttpStatusCode.Forbidden, """{"error":{"message":"(#200) This person isn't receiving messages from you right now.","type":"OAuthException","code":"200","error_subcode":"1545041","error_data":"{\"blame_field_specs\":[[\"\"]]}","fbtrace_id":"A1"}}""", GraphFailureKind.RecipientUnavailable, TestName = "Not_receiving_with_strings_and_error_data_as_a_string")]
    [TestCase(HttpStatusCode.BadRequest, """{"error":{"message":"(#551) This person isn't available right now.","type":"OAuthException","code":551,"error_subcode":1545041,"error_data":{"blame_field_specs":[["recipient"]]},"error_user_title":"Message Not Sent","error_user_msg":"This person isn't available right now.","fbtrace_id":"A1"}}""", GraphFailureKind.RecipientUnavailable, TestName = "Not_available_with_error_data_as_an_object")]
    [TestCase(HttpStatusCode.BadRequest, """{"error":{"code":613}}""", GraphFailureKind.RateLimited, TestName = "Rate_limit_with_nothing_but_a_code")]
    [TestCase(HttpStatusCode.BadRequest, """{"error":{"message":"(#100) Param recipient[id] must be a valid ID string (e.g., \"123\")","type":"OAuthException","code":100}}""", GraphFailureKind.InvalidRequest, TestName = "Invalid_recipient")]
    [TestCase(HttpStatusCode.OK, """{"error":{"message":"(#1200) Temporary send message failure. Please try again later","type":"OAuthException","code":1200,"fbtrace_id":"A1"}}""", GraphFailureKind.Transient, TestName = "Temporary_send_failure_with_http_200")]
    public async Task A_send_meta_refused_is_a_refusal(HttpStatusCode status, string body, GraphFailureKind kind)
    {
        var thrown = Assert.ThrowsAsync<GraphApiException>(() => SendAsync(status, body));
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Failure.Kind, Is.EqualTo(kind));
            Assert.That(thrown.Failure.DoneAnyway, Is.False, "Meta did not send it");
        });
    }

    [TestCase("""{"recipient_id":"7001"}""")]
    [TestCase("""{"recipient_id":7001,"message_id":"m_1"}""")]
    [TestCase("")]
    public async Task A_sender_action_meta_took_passes(string body)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, body);
        await graph.Get<IMessengerGateway>().SendSenderActionAsync(Credentials, "7001", SenderAction.TypingOn, CancellationToken.None);
        Assert.That(graph.Requests, Has.Count.EqualTo(1));
    }

    [TestCase("""{"success":true}""")]
    [TestCase("""{"success":"true"}""")]
    [TestCase("""{"success":1}""")]
    [TestCase("true", TestName = "Handover_confirmed_with_a_bare_true")]
    public async Task A_handover_meta_confirmed_passes(string body)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, body);
        await graph.Get<IThreadControl>().PassAsync(Credentials, "7001", "263902037430900", null, CancellationToken.None);
        await graph.Get<IThreadControl>().TakeAsync(Credentials, "7001", null, CancellationToken.None);
        Assert.That(graph.Requests, Has.Count.EqualTo(2));
    }

    /// <summary>
    /// A take answered with the thread's owner, as the Conversation Control guide prints it, is a grant; the take's
    /// reference and the pass answer <c>{"success":bool}</c>, so a pass answered so is not taken for one.
    /// </summary>
    [Test]
    public async Task A_take_answered_with_the_thread_owner_is_granted_and_a_pass_answered_so_is_not()
    {
        const string Body = """{"data":[{"thread_owner":{"app_id":1000,"expiration":1765086400}}]}""";
        using var graph = new StubGraph(HttpStatusCode.OK, Body);

        await graph.Get<IThreadControl>().TakeAsync(Credentials, "7001", null, CancellationToken.None);
        var pass = Assert.ThrowsAsync<GraphApiException>(() => graph.Get<IThreadControl>().PassAsync(Credentials, "7001", "263902037430900", null, CancellationToken.None));

        Assert.That(pass!.Failure.Message, Does.Contain("did not confirm pass_thread_control"));
    }

    [TestCase("""{"success":false}""", GraphFailureKind.Unknown, TestName = "Handover_answered_success_false")]
    [TestCase("""{"error":{"message":"(#10) Handover Protocol APIs disabled for this page","type":"OAuthException","code":10,"fbtrace_id":"A1"}}""", GraphFailureKind.PermissionMissing, TestName = "Handover_refused_with_http_200")]
    public void A_handover_meta_did_not_confirm_fails(string body, GraphFailureKind kind)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, body);
        var thrown = Assert.ThrowsAsync<GraphApiException>(() => graph.Get<IThreadControl>().PassAsync(Credentials, "7001", "263902037430900", null, CancellationToken.None));
        Assert.That(thrown!.Failure.Kind, Is.EqualTo(kind));
    }

    [TestCase("""{"first_name":"Peter","last_name":"Chang","profile_pic":"https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=7001&width=1024&ext=1&hash=x","id":"7001"}""", "Peter", "Chang")]
    [TestCase("""{"id":7001}""", null, null)]
    [TestCase("""{"name":"Peter Chang","id":"7001"}""", "Peter", "Chang")]
    public async Task A_profile_is_read(string body, string? first, string? last)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, body);
        var profile = await graph.Get<ICustomerProfiles>().GetAsync(Credentials, "7001", CancellationToken.None);
        Assert.That((profile!.FirstName, profile.LastName), Is.EqualTo((first, last)));
    }

    [TestCase(HttpStatusCode.BadRequest, """{"error":{"message":"(#10) Application does not have permission for this action","type":"OAuthException","code":10,"fbtrace_id":"A1"}}""", TestName = "Profile_refused")]
    [TestCase(HttpStatusCode.OK, """{"error":{"message":"(#10) Application does not have permission for this action","type":"OAuthException","code":10,"fbtrace_id":"A1"}}""", TestName = "Profile_refused_with_http_200")]
    public void A_profile_meta_refused_is_a_refusal(HttpStatusCode status, string body)
    {
        using var graph = new StubGraph(status, body);
        var thrown = Assert.ThrowsAsync<GraphApiException>(() => graph.Get<ICustomerProfiles>().GetAsync(Credentials, "7001", CancellationToken.None));
        Assert.That(thrown!.Failure.Kind, Is.EqualTo(GraphFailureKind.PermissionMissing));
    }

    [TestCase("""{"error":{"message":"(#100) No profile available for this user.","type":"OAuthException","code":100,"error_subcode":2018218,"fbtrace_id":"A1"}}""", TestName = "No_profile_as_the_subcode")]
    [TestCase("""{"error":{"message":"No profile available for this user.","type":"OAuthException","code":2018218,"fbtrace_id":"A1"}}""", TestName = "No_profile_as_the_code")]
    [TestCase("""{"error":{"message":"Unsupported get request. Object with ID '7001' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A1"}}""", TestName = "A_psid_graph_cannot_load")]
    public async Task A_person_meta_has_no_profile_for_has_none(string body)
    {
        using var graph = new StubGraph(HttpStatusCode.BadRequest, body);
        Assert.That(await graph.Get<ICustomerProfiles>().GetAsync(Credentials, "7001", CancellationToken.None), Is.Null);
    }

    [TestCase("""{"data":[{"category":"Business","link":"https://x","name":"LeadOps","id":"1000","subscribed_fields":["leadgen","messages"]}]}""")]
    [TestCase("""{"data":[{"name":"LeadOps","id":1000,"subscribed_fields":["leadgen","messages"]},{"id":"263902037430900","subscribed_fields":"feed"}],"paging":{"cursors":{"before":"a","after":"b"}}}""")]
    public async Task Subscribed_apps_are_read(string body)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, body);
        var fields = await graph.Get<IFacebookPageGateway>().GetSubscribedFieldsAsync(Credentials, CancellationToken.None);
        Assert.That(fields, Is.EqualTo(new[] { "leadgen", "messages" }));
    }

    [TestCase("""{"success":true}""")]
    [TestCase("true", TestName = "Subscription_confirmed_with_a_bare_true")]
    public async Task A_subscription_meta_confirmed_passes(string body)
    {
        using var graph = new StubGraph(HttpStatusCode.OK, body);
        await graph.Get<IFacebookPageGateway>().SubscribeAsync(Credentials, ["leadgen", "messages"], CancellationToken.None);
        Assert.That(graph.Requests, Has.Count.EqualTo(1));
    }
}
