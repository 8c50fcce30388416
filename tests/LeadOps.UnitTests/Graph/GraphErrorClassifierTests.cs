using System.Text.Json;
using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.UnitTests.Graph;

public sealed class GraphErrorClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [TestCase(1, null, 500, GraphFailureKind.Transient, TestName = "Code_1_unknown_error_is_transient")]
    [TestCase(2, null, 503, GraphFailureKind.Transient, TestName = "Code_2_service_down_is_transient")]
    [TestCase(4, null, 400, GraphFailureKind.RateLimited, TestName = "Code_4_app_limit_is_rate_limited")]
    [TestCase(17, null, 400, GraphFailureKind.RateLimited, TestName = "Code_17_user_limit_is_rate_limited")]
    [TestCase(32, null, 400, GraphFailureKind.RateLimited, TestName = "Code_32_page_limit_is_rate_limited")]
    [TestCase(341, null, 400, GraphFailureKind.RateLimited, TestName = "Code_341_application_limit_is_rate_limited")]
    [TestCase(613, null, 400, GraphFailureKind.RateLimited, TestName = "Code_613_custom_limit_is_rate_limited")]
    [TestCase(80001, null, 400, GraphFailureKind.RateLimited, TestName = "Code_80001_page_throttle_is_rate_limited")]
    [TestCase(80005, null, 400, GraphFailureKind.RateLimited, TestName = "Code_80005_leadgen_throttle_is_rate_limited")]
    [TestCase(80006, null, 400, GraphFailureKind.RateLimited, TestName = "Code_80006_messenger_throttle_is_rate_limited")]
    [TestCase(80000, null, 400, GraphFailureKind.RateLimited, TestName = "Code_80000_ads_insights_throttle_is_rate_limited")]
    [TestCase(80004, null, 400, GraphFailureKind.RateLimited, TestName = "Code_80004_ads_management_throttle_is_rate_limited")]
    [TestCase(80014, null, 400, GraphFailureKind.RateLimited, TestName = "Code_80014_catalog_batch_throttle_is_rate_limited")]
    [TestCase(190, 463, 400, GraphFailureKind.TokenInvalid, TestName = "Code_190_expired_token_is_token_invalid")]
    [TestCase(190, 460, 401, GraphFailureKind.TokenInvalid, TestName = "Code_190_password_changed_is_token_invalid")]
    [TestCase(190, null, 400, GraphFailureKind.TokenInvalid, TestName = "Code_190_without_subcode_is_token_invalid")]
    [TestCase(10, 2018278, 400, GraphFailureKind.OutsideMessagingWindow, TestName = "Code_10_subcode_2018278_is_outside_messaging_window")]
    [TestCase(551, 1545041, 400, GraphFailureKind.RecipientUnavailable, TestName = "Code_551_is_recipient_unavailable")]
    [TestCase(10, null, 403, GraphFailureKind.PermissionMissing, TestName = "Code_10_is_permission_missing")]
    [TestCase(200, null, 403, GraphFailureKind.PermissionMissing, TestName = "Code_200_is_permission_missing")]
    [TestCase(299, null, 403, GraphFailureKind.PermissionMissing, TestName = "Code_299_is_permission_missing")]
    [TestCase(100, 33, 400, GraphFailureKind.InvalidRequest, TestName = "Code_100_is_invalid_request")]
    [TestCase(368, 1390008, 400, GraphFailureKind.Blocked, TestName = "Code_368_is_blocked")]
    [TestCase(12345, null, 400, GraphFailureKind.Unknown, TestName = "Unlisted_code_is_unknown")]
    // The Send API's error table (developers.facebook.com/docs/messenger-platform/reference/send-api, "Errors"), as Meta writes it.
    [TestCase(1200, null, 400, GraphFailureKind.Transient, TestName = "Send_api_1200_temporary_send_message_failure_is_transient")]
    [TestCase(4, 2018022, 400, GraphFailureKind.RateLimited, TestName = "Send_api_4_2018022_too_many_send_requests_is_rate_limited")]
    [TestCase(10, 2018108, 400, GraphFailureKind.RecipientUnavailable, TestName = "Send_api_10_2018108_person_cannot_receive_messages_is_recipient_unavailable")]
    [TestCase(200, 1545041, 400, GraphFailureKind.RecipientUnavailable, TestName = "Send_api_200_1545041_message_not_sent_is_recipient_unavailable")]
    [TestCase(10, 2018065, 400, GraphFailureKind.OutsideMessagingWindow, TestName = "Send_api_10_2018065_sent_outside_of_allowed_window_is_outside_messaging_window")]
    [TestCase(200, 2018028, 400, GraphFailureKind.PermissionMissing, TestName = "Send_api_200_2018028_pages_messaging_not_reviewed_is_permission_missing")]
    [TestCase(100, 2018001, 400, GraphFailureKind.InvalidRequest, TestName = "Send_api_100_2018001_no_matching_user_is_invalid_request")]
    // "This message is sent outside of allowed window." with 10 / 2534022, as integrators record it (ComposioHQ/composio issue #3604).
    [TestCase(10, 2534022, 403, GraphFailureKind.OutsideMessagingWindow, TestName = "Send_api_10_2534022_sent_outside_of_allowed_window_is_outside_messaging_window")]
    // Messenger's common error codes (developers.facebook.com/docs/messenger-platform/error-codes).
    [TestCase(1, 1357046, 500, GraphFailureKind.Unknown, TestName = "Messenger_1_1357046_invalid_json_reply_after_sending_is_not_retried")]
    [TestCase(1, 99, 400, GraphFailureKind.Unknown, TestName = "Messenger_1_99_unknown_error_from_missing_permissions_is_not_retried")]
    [TestCase(4, 2018354, 400, GraphFailureKind.RateLimited, TestName = "Messenger_4_2018354_minimum_delay_between_notifications_is_rate_limited")]
    [TestCase(9, 2018352, 400, GraphFailureKind.RateLimited, TestName = "Messenger_9_2018352_user_is_performing_too_many_actions_is_rate_limited")]
    [TestCase(9, null, 400, GraphFailureKind.RateLimited, TestName = "Code_9_user_is_performing_too_many_actions_is_rate_limited")]
    public void Classifies_by_error_code(int code, int? subcode, int httpStatus, GraphFailureKind expected)
    {
        var failure = GraphErrorClassifier.Classify(Error(code, subcode), httpStatus, GraphUsage.Empty, null, Now);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(expected));
            Assert.That(failure.Code, Is.EqualTo(code));
            Assert.That(failure.Subcode, Is.EqualTo(subcode));
            Assert.That(failure.HttpStatus, Is.EqualTo(httpStatus));
        });
    }

    [TestCase(100, 33, true, TestName = "Code_100_33_says_the_object_is_missing")]
    [TestCase(100, null, false, TestName = "Code_100_without_subcode_says_nothing_of_the_object")]
    [TestCase(100, 2018001, false, TestName = "Code_100_2018001_says_nothing_of_the_object")]
    [TestCase(200, 33, false, TestName = "Subcode_33_under_another_code_says_nothing_of_the_object")]
    public void Marks_a_missing_object_only_for_100_33(int code, int? subcode, bool missing) =>
        Assert.That(GraphErrorClassifier.Classify(Error(code, subcode), 400, GraphUsage.Empty, null, Now).ObjectMissing, Is.EqualTo(missing));

    [TestCase(1, 1357046, true, TestName = "Messenger_1_1357046_says_the_messages_were_sent_anyway")]
    [TestCase(1, 99, false, TestName = "Messenger_1_99_says_nothing_was_done")]
    [TestCase(1, null, false, TestName = "Code_1_without_subcode_says_nothing_was_done")]
    [TestCase(2, 1357046, false, TestName = "Subcode_1357046_under_another_code_says_nothing_was_done")]
    public void Marks_work_done_anyway_only_for_1_1357046(int code, int? subcode, bool done) =>
        Assert.That(GraphErrorClassifier.Classify(Error(code, subcode), 500, GraphUsage.Empty, null, Now).DoneAnyway, Is.EqualTo(done));

    /// <summary>
    /// Graph's "page too large" answer as public Graph clients keep it: in <c>message</c> (code 1, HTTP 500), or beside "An
    /// unknown error occurred" in <c>error_user_title</c>/<c>error_user_msg</c> (1 / 99, copied from production logs into a
    /// public ads-sync client); a plain code 1 and the same words under another code are not it.
    /// </summary>
    [TestCase(1, null, "Please reduce the amount of data you're asking for, then retry your request", null, null, true, TestName = "Code_1_reduce_the_amount_of_data_in_the_message")]
    [TestCase(1, 99, "An unknown error occurred", "Please reduce the amount of data", "Please reduce the amount of data you're asking for, then retry your request", true, TestName = "Code_1_99_reduce_the_amount_of_data_in_the_user_words")]
    [TestCase(1, null, "An unknown error has occurred.", null, null, false, TestName = "Code_1_unknown_error_asks_for_nothing_less")]
    [TestCase(100, null, "Please reduce the amount of data you're asking for, then retry your request", null, null, false, TestName = "The_words_under_another_code_ask_for_nothing_less")]
    public void Marks_a_page_too_heavy_to_send_only_for_code_1_asking_for_less_data(int code, int? subcode, string message, string? title, string? userMessage, bool tooMuch)
    {
        var error = new GraphErrorDto { Message = message, Code = code, ErrorSubcode = subcode, ErrorUserTitle = title, ErrorUserMsg = userMessage };

        var failure = GraphErrorClassifier.Classify(error, 500, GraphUsage.Empty, null, Now);

        Assert.That(failure.TooMuchData, Is.EqualTo(tooMuch));
    }

    [Test]
    public void A_success_answer_whose_body_cannot_be_read_means_the_work_was_done()
    {
        var thrown = Assert.ThrowsAsync<GraphApiException>(() => GraphCall.RunAsync<GraphSendMessageResponse>(() => throw new JsonException("'<' is an invalid start of a value.")));

        Assert.That(thrown!.Failure.DoneAnyway, Is.True);
    }

    [Test]
    public void An_answer_that_says_nothing_was_done_is_not_work_done() =>
        Assert.That(GraphCall.Unreadable(200, "Graph did not confirm the subscription").DoneAnyway, Is.False);

    [Test]
    public void Code_wins_over_http_status_when_a_token_error_comes_back_as_500()
    {
        var failure = GraphErrorClassifier.Classify(Error(190, 463), 500, GraphUsage.Empty, null, Now);

        Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.TokenInvalid));
    }

    [TestCase(500, GraphFailureKind.Transient, TestName = "Http_500_without_body_is_transient")]
    [TestCase(502, GraphFailureKind.Transient, TestName = "Http_502_without_body_is_transient")]
    [TestCase(408, GraphFailureKind.Transient, TestName = "Http_408_without_body_is_transient")]
    [TestCase(429, GraphFailureKind.RateLimited, TestName = "Http_429_without_body_is_rate_limited")]
    [TestCase(404, GraphFailureKind.Unknown, TestName = "Http_404_without_body_is_unknown")]
    public void Without_a_body_the_status_decides(int httpStatus, GraphFailureKind expected)
    {
        var failure = GraphErrorClassifier.Classify(null, httpStatus, GraphUsage.Empty, null, Now);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(expected));
            Assert.That(failure.Message, Does.Contain(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Unlisted_code_marked_transient_by_graph_is_transient()
    {
        var failure = GraphErrorClassifier.Classify(Error(12345) with { IsTransient = true }, 400, GraphUsage.Empty, null, Now);

        Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
    }

    [Test]
    public void Rate_limit_takes_its_retry_time_from_estimated_time_to_regain_access_in_minutes()
    {
        var usage = GraphUsageParser.Parse(null, null, """{"1234":[{"type":"leadgen","call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":3}]}""");

        var failure = GraphErrorClassifier.Classify(Error(80005), 400, usage, null, Now);

        Assert.That(failure.RetryAfter, Is.EqualTo(Now.AddMinutes(3)));
    }

    [Test]
    public void Rate_limit_falls_back_to_the_retry_after_header()
    {
        var failure = GraphErrorClassifier.Classify(Error(4), 400, GraphUsage.Empty, TimeSpan.FromSeconds(20), Now);

        Assert.That(failure.RetryAfter, Is.EqualTo(Now.AddSeconds(20)));
    }

    [Test]
    public void Rate_limit_without_any_hint_has_no_retry_time()
    {
        var failure = GraphErrorClassifier.Classify(Error(4), 400, GraphUsage.Empty, null, Now);

        Assert.That(failure.RetryAfter, Is.Null);
    }

    [Test]
    public void Token_error_never_gets_a_retry_time()
    {
        var usage = GraphUsageParser.Parse(null, null, """{"1234":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":3}]}""");

        var failure = GraphErrorClassifier.Classify(Error(190, 463), 400, usage, null, Now);

        Assert.That(failure.RetryAfter, Is.Null);
    }

    [TestCase("(#200) Requires leads_retrieval permission to manage the object", "leads_retrieval")]
    [TestCase("(#10) Requires pages_messaging permission to manage the object", "pages_messaging")]
    [TestCase("(#200) The pages_manage_metadata permission(s) must be granted before impersonating a user's page.", "pages_manage_metadata")]
    [TestCase("(#200) Requires the 'ads_management' permission", "ads_management")]
    [TestCase("(#298) Requires extended permission: read_mailbox", "read_mailbox")] // SammyK/FacebookQueryBuilder, tests/FacebookQueryBuilderExceptionTest.php
    [TestCase("(#200) Requires extended permission: ads_management", "ads_management")] // as Meta Ads integrators quote it in their retry tests
    [TestCase("(#200) Permissions error", null)]
    public void Permission_missing_names_the_permission(string message, string? expected)
    {
        var failure = GraphErrorClassifier.Classify(Error(200) with { Message = message }, 403, GraphUsage.Empty, null, Now);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.PermissionMissing));
            Assert.That(failure.MissingPermission, Is.EqualTo(expected));
        });
    }

    /// <summary>A page edge on a person's id (a user token pasted for a page's): a field the User node does not have, not a page's fault.</summary>
    [TestCase("(#100) Tried accessing nonexisting field (leadgen_forms) on node type (User)", true)]
    [TestCase("(#100) Tried accessing nonexisting field (leadgen_forms) on node type (Page)", false)]
    [TestCase("(#100) Invalid parameter", false)]
    public void A_page_edge_refused_on_a_user_node_names_a_person(string message, bool person)
    {
        var failure = GraphErrorClassifier.Classify(Error(100) with { Message = message }, 400, GraphUsage.Empty, null, Now);

        Assert.That((failure.Kind, failure.NamesAPerson), Is.EqualTo((GraphFailureKind.InvalidRequest, person)));
    }

    [Test]
    public void Keeps_every_field_of_the_error_body()
    {
        var error = new GraphErrorDto
        {
            Message = "Error validating access token: Session has expired",
            Type = "OAuthException",
            Code = 190,
            ErrorSubcode = 463,
            FbtraceId = "AbCdEf123",
            IsTransient = false,
        };

        var failure = GraphErrorClassifier.Classify(error, 400, GraphUsage.Empty, null, Now);

        Assert.That(failure, Is.EqualTo(new GraphFailure(
            GraphFailureKind.TokenInvalid, 190, 463, "OAuthException", "Error validating access token: Session has expired", "AbCdEf123", false, 400)));
    }

    [Test]
    public void Token_echoed_in_a_message_is_redacted()
    {
        var failure = GraphErrorClassifier.Classify(Error(190) with { Message = "Malformed access token EAABsecret" }, 400, GraphUsage.Empty, null, Now);

        var redacted = GraphErrorReader.Redact(failure, "EAABsecret");

        Assert.That(redacted.Message, Is.EqualTo("Malformed access token [token]"));
    }

    /// <summary>
    /// Code 3, "API Method" in Meta's error table: a capability or permissions issue, in Graph's words "(#3) Application does
    /// not have the capability to make this API call."; the same code is also Graph's "Unknown method", which no
    /// reconnect mends, so only the words of a permission make it one.
    /// </summary>
    [TestCase("(#3) Application does not have the capability to make this API call.", GraphFailureKind.PermissionMissing, TestName = "Code_3_without_the_capability_is_permission_missing")]
    [TestCase("(#3) Unknown method", GraphFailureKind.Unknown, TestName = "Code_3_unknown_method_is_unknown")]
    public void Code_3_is_a_missing_permission_only_in_the_words_of_one(string message, GraphFailureKind expected)
    {
        var failure = GraphErrorClassifier.Classify(Error(3) with { Message = message }, 400, GraphUsage.Empty, null, Now);

        Assert.That(failure.Kind, Is.EqualTo(expected));
    }

    /// <summary>
    /// Code 10 in the window's words with a subcode LeadOps does not list, or none, as integrators quote Meta's answer
    /// ("(#10) This message is sent outside of allowed window. Learn more about the new policy here: …", home-assistant/core
    /// issue #32507, botpress/botpress issue #4890): the conversation's window, not a permission the page lacks. Other words
    /// under code 10 stay a missing permission.
    /// </summary>
    [TestCase("(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview", null,
        GraphFailureKind.OutsideMessagingWindow, TestName = "Code_10_without_subcode_in_the_windows_words_is_outside_messaging_window")]
    // The Send API's error-codes page's other window row, which names a permission: still the window.
    [TestCase("(#10) This message is sent outside of allowed window. You need News Messaging permission to be able to do this.", null,
        GraphFailureKind.OutsideMessagingWindow, TestName = "Code_10_news_messaging_window_words_are_outside_messaging_window")]
    [TestCase("(#10) Requires pages_messaging permission to manage the object", null, GraphFailureKind.PermissionMissing, TestName = "Code_10_naming_a_permission_stays_permission_missing")]
    public void Code_10_in_the_words_of_the_messaging_window_is_outside_the_window(string message, int? subcode, GraphFailureKind expected)
    {
        var failure = GraphErrorClassifier.Classify(Error(10, subcode) with { Message = message }, 400, GraphUsage.Empty, null, Now);

        Assert.That((failure.Kind, failure.MissingPermission), Is.EqualTo((expected, expected == GraphFailureKind.PermissionMissing ? "pages_messaging" : null)));
    }

    /// <summary>
    /// Messenger's common error codes: 9 / 2018352 (a customer past the allowed limit) and 4 / 2018354 (a minimum delay
    /// between two notifications) limit what the page may send one person; the other rate limits are the page's or the
    /// app's. Staff are told which, and to try again later either way.
    /// </summary>
    [TestCase(9, 2018352, true, TestName = "Messenger_9_2018352_limits_messages_to_one_person")]
    [TestCase(4, 2018354, true, TestName = "Messenger_4_2018354_limits_messages_to_one_person")]
    [TestCase(9, null, false, TestName = "Code_9_without_its_messenger_subcode_is_the_pages_rate_limit")]
    [TestCase(4, null, false, TestName = "Code_4_is_the_pages_rate_limit")]
    [TestCase(4, 2018352, false, TestName = "Subcode_2018352_under_code_4_is_the_pages_rate_limit")]
    [TestCase(17, null, false, TestName = "Code_17_is_the_pages_rate_limit")]
    [TestCase(613, null, false, TestName = "Code_613_is_the_pages_rate_limit")]
    [TestCase(80006, null, false, TestName = "Code_80006_is_the_pages_rate_limit")]
    public void Rate_limits_on_one_person_are_told_apart_from_the_pages(int code, int? subcode, bool onePerson)
    {
        var failure = GraphErrorClassifier.Classify(Error(code, subcode), 400, GraphUsage.Empty, null, Now);
        var words = GraphFailureText.Describe(failure);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.RateLimited));
            Assert.That(failure.LimitsOnePerson, Is.EqualTo(onePerson));
            Assert.That(words, onePerson
                ? Is.EqualTo("Facebook is limiting messages to this person for now: try again later.")
                : Is.EqualTo("Facebook is rate limiting this page: try again in a few minutes."));
        });
    }

    [Test]
    public void A_limit_on_one_person_with_a_wait_says_until_when()
    {
        var failure = GraphErrorClassifier.Classify(Error(9, 2018352), 400, GraphUsage.Empty, TimeSpan.FromMinutes(30), Now);

        Assert.That(GraphFailureText.Describe(failure), Is.EqualTo("Facebook is limiting messages to this person until 2026-11-20 10:30 UTC: try again after that."));
    }

    private static GraphErrorDto Error(int code, int? subcode = null) =>
        new() { Message = $"(#{code}) something", Type = "OAuthException", Code = code, ErrorSubcode = subcode, FbtraceId = "trace" };
}
