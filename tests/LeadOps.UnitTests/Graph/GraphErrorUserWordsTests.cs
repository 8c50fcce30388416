using System.Net;
using System.Text;
using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Graph error bodies that speak to people: <c>error_user_title</c> and <c>error_user_msg</c> (graph-api/guides/error-handling
/// lists both beside <c>message</c>). Staff see Meta's words even when <c>message</c> is missing, classification still goes
/// by <c>code</c>, and a token Meta echoes is never shown.
/// </summary>
public sealed class GraphErrorUserWordsTests
{
    [Test]
    public async Task A_body_with_only_the_users_title_and_message_shows_metas_words_and_is_classified_by_code()
    {
        var failure = await ReadAsync(400, """
            {"error":{"type":"OAuthException","code":100,"error_subcode":2804003,"is_transient":false,
              "error_user_title":"Event Timestamp Too Old","error_user_msg":"The timestamp for this event is too far in the past.",
              "fbtrace_id":"AbCdEf123"}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.InvalidRequest));
            Assert.That((failure.Code, failure.Subcode, failure.FbTraceId), Is.EqualTo(((int?)100, (int?)2804003, "AbCdEf123")));
            Assert.That(failure.Message, Is.EqualTo("Event Timestamp Too Old: The timestamp for this event is too far in the past."));
            Assert.That(failure.UserTitle, Is.EqualTo("Event Timestamp Too Old"));
            Assert.That(GraphFailureText.Describe(failure), Does.Contain("The timestamp for this event is too far in the past.").And.Not.Contain("without a Graph error body"));
        });
    }

    [TestCase("""{"error":{"code":200,"error_user_msg":"Requires pages_messaging permission to manage the object"}}""", GraphFailureKind.PermissionMissing, "Requires pages_messaging permission to manage the object", TestName = "Only_error_user_msg_keeps_the_permission_it_names")]
    [TestCase("""{"error":{"code":4,"error_user_title":"Too Many Calls","is_transient":true}}""", GraphFailureKind.RateLimited, "Too Many Calls", TestName = "Only_error_user_title_is_still_a_throttle_by_code")]
    [TestCase("""{"error":{"message":"","code":190,"error_subcode":463,"error_user_title":"Session Expired","error_user_msg":"Log in again."}}""", GraphFailureKind.TokenInvalid, "Session Expired: Log in again.", TestName = "Empty_message_with_user_words_is_still_a_token_error")]
    [TestCase("""{"error":{"message":"(#100) Invalid parameter","code":100,"error_user_title":"Invalid parameter","error_user_msg":"Event time too old."}}""", GraphFailureKind.InvalidRequest, "(#100) Invalid parameter: Invalid parameter: Event time too old.", TestName = "Message_title_and_user_message_are_all_kept_in_metas_order")]
    public async Task Metas_words_for_people_are_shown_when_the_message_is_missing(string body, GraphFailureKind kind, string message)
    {
        var failure = await ReadAsync(400, body);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(kind));
            Assert.That(failure.Message, Is.EqualTo(message));
            Assert.That(failure.MissingPermission, Is.EqualTo(kind == GraphFailureKind.PermissionMissing ? "pages_messaging" : null));
        });
    }

    [Test]
    public async Task A_send_refusal_in_leadops_own_words_adds_metas_title_for_it()
    {
        var failure = await ReadAsync(400, """
            {"error":{"message":"(#10) This Person Cannot Receive Messages: This person isn't receiving messages from you right now.",
              "type":"OAuthException","code":10,"error_subcode":2018108,"error_user_title":"Message Not Sent",
              "error_user_msg":"This person isn't receiving messages from you right now.","fbtrace_id":"x"}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.RecipientUnavailable));
            Assert.That(GraphFailureText.Describe(failure), Is.EqualTo("This person isn't available right now (they may have blocked the page). Facebook says: “Message Not Sent”."));
        });
    }

    [Test]
    public async Task Without_a_title_leadops_words_stand_alone()
    {
        var failure = await ReadAsync(400, """{"error":{"message":"(#368) The action attempted has been deemed abusive or is otherwise disallowed","code":368}}""");

        Assert.That(GraphFailureText.Describe(failure), Is.EqualTo("Facebook blocked the request for policy reasons."));
    }

    [Test]
    public async Task A_token_echoed_in_the_users_words_is_never_shown()
    {
        var failure = await ReadAsync(400, """{"error":{"code":190,"error_user_title":"Malformed access token page-token","error_user_msg":"Token page-token cannot be parsed."}}""");

        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Not.Contain("page-token").And.Contain("[token]"));
            Assert.That(failure.UserTitle, Is.EqualTo("Malformed access token [token]"));
            Assert.That(GraphFailureText.Describe(failure), Does.Not.Contain("page-token"));
        });
    }

    private static async Task<GraphFailure> ReadAsync(int status, string body)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await GraphErrorReader.ReadAsync(response, GraphUsage.Empty, "page-token", DateTimeOffset.UnixEpoch, CancellationToken.None);
    }
}
