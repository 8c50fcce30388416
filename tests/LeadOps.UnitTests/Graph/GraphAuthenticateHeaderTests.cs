using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Graph refusals whose body says less than usual: Graph puts <c>WWW-Authenticate: OAuth "Facebook Platform" "&lt;error&gt;"
/// "&lt;message&gt;"</c> on its OAuth refusals (daroczig/fbRads issue #74: <c>"invalid_token" "Invalid OAuth access token."</c>;
/// pablobarbera/Rfacebook issue #123: <c>"not_found" "(#803) Cannot query users by their username (pablobarbera)"</c>), and
/// older Graph wrote an OAuthException with no code (ciaranj/node-oauth issue #12: <c>{"error":{"type":"OAuthException",
/// "message":"…"}}</c>). With the body lost (empty, a proxy's HTML) or without a code, the refusal is still classified.
/// </summary>
public sealed class GraphAuthenticateHeaderTests
{
    private const string InvalidToken = "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token.\"";

    [TestCase(400, "", InvalidToken, GraphFailureKind.TokenInvalid, "Invalid OAuth access token.", TestName = "An_empty_body_with_the_invalid_token_header_is_a_token_to_renew")]
    [TestCase(400, "<html><body><h1>Bad Request</h1></body></html>", InvalidToken, GraphFailureKind.TokenInvalid, "Invalid OAuth access token.", TestName = "An_html_body_with_the_invalid_token_header_is_a_token_to_renew")]
    [TestCase(401, "", "OAuth \"Facebook Platform\" \"invalid_token\" \"Error validating access token: Session has expired on Friday, 04-Dec-26 09:00:00 PST.\"", GraphFailureKind.TokenInvalid, "Session has expired", TestName = "A_401_without_body_naming_an_expired_session_is_a_token_to_renew")]
    [TestCase(400, """{"error":{"type":"OAuthException","message":"Error validating access token: Session has expired at unix time 1300000000."}}""", null, GraphFailureKind.TokenInvalid, "Session has expired", TestName = "An_oauth_exception_without_code_about_the_access_token_is_a_token_to_renew")]
    [TestCase(404, "", "OAuth \"Facebook Platform\" \"not_found\" \"(#803) Cannot query users by their username (pablobarbera)\"", GraphFailureKind.Unknown, "(#803)", TestName = "An_empty_body_with_a_not_found_header_keeps_graphs_code_and_words")]
    [TestCase(404, """{"error":{"message":"Lead not found"}}""", null, GraphFailureKind.Unknown, "Lead not found", TestName = "An_error_without_code_or_header_keeps_its_words")]
    public async Task A_refusal_whose_body_is_lost_or_has_no_code_is_read_from_its_header_and_words(int status, string body, string? header, GraphFailureKind expected, string words)
    {
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(body) };
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", header);
        }

        var failure = await GraphErrorReader.ReadAsync(response, GraphUsage.Empty, "page-token", DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(expected));
            Assert.That(failure.Message, Does.Contain(words));
        });
    }

    [Test]
    public async Task An_alias_refusal_read_from_the_header_is_the_object_that_is_not_there()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { Content = new StringContent("") };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "OAuth \"Facebook Platform\" \"not_found\" \"(#803) Some of the aliases you requested do not exist: {leadgen_id}\"");

        var failure = await GraphErrorReader.ReadAsync(response, GraphUsage.Empty, "page-token", DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.That((failure.Code, failure.ObjectMissing), Is.EqualTo(((int?)803, true)));
    }
}
