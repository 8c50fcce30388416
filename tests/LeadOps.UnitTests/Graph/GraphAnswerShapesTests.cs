using System.Text.Json;
using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Graph's answers in the shapes Meta's reference pages and SDKs show, and in the odd shapes one lead or one error may
/// take: one odd value never costs the rest of the page or the rest of the error.
/// </summary>
public sealed class GraphAnswerShapesTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, GraphJson.Options)!;

    [TestCase("""{"name":"email","values":"ana@x.io"}""", new[] { "ana@x.io" }, TestName = "Values_as_a_single_string")]
    [TestCase("""{"name":"email","values":{"0":"ana@x.io"}}""", new string[0], TestName = "Values_as_an_object")]
    [TestCase("""{"name":"email","values":null}""", new string[0], TestName = "Values_null")]
    [TestCase("""{"name":"email"}""", new string[0], TestName = "Values_missing")]
    [TestCase("""{"name":"email","values":[]}""", new string[0], TestName = "Values_empty")]
    [TestCase("""{"name":"email","values":["a@x.io","b@x.io"]}""", new[] { "a@x.io", "b@x.io" }, TestName = "Values_several")]
    [TestCase("""{"name":"email","values":[5551234567,true,"x"]}""", new[] { "5551234567", "true", "x" }, TestName = "Values_as_numbers_and_booleans_kept_as_written")]
    [TestCase("""{"name":"email","values":["a@x.io",],}""", new[] { "a@x.io" }, TestName = "Values_with_trailing_commas_as_retrieving_leads_prints_them")]
    public void A_lead_whose_answer_has_an_odd_shape_keeps_the_page_and_its_other_leads(string field, string[] expected)
    {
        var page = Read<GraphListResponse<GraphLeadDto>>(
            """{"data":[{"id":"1","created_time":"2024-01-01T10:00:00+0000","field_data":[""" + field +
            """,{"name":"full_name","values":["Ana Lima"]}]},{"id":"2","field_data":[{"name":"full_name","values":["Bruno Novak"]}]}],"paging":{"cursors":{"before":"a","after":"b"}}}""");
        var leads = page.Data!.Select(GraphLeadMapper.ToLead).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads.Select(l => l.Id), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(leads[0].FieldData.Single(f => f.Name == "email").Values, Is.EqualTo(expected));
            Assert.That(leads[0].FieldData.Single(f => f.Name == "full_name").Values, Is.EqualTo(new[] { "Ana Lima" }));
        });
    }

    [TestCase("""{"name":"a"}""", TestName = "Field_data_as_an_object")]
    [TestCase("\"none\"", TestName = "Field_data_as_a_string")]
    [TestCase("""[null,"x",{"values":["no name"]}]""", TestName = "Field_data_items_that_are_not_answers")]
    public void A_lead_whose_field_data_has_an_odd_shape_is_kept_without_those_answers(string fieldData)
    {
        var page = Read<GraphListResponse<GraphLeadDto>>(
            """{"data":[{"id":"1","field_data":""" + fieldData + """},{"id":"2","field_data":[{"name":"email","values":["b@x.io"]}]}]}""");
        var leads = page.Data!.Select(GraphLeadMapper.ToLead).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads.Select(l => (l.Id, l.Problem)), Is.EqualTo(new[] { ("1", (string?)null), ("2", null) }));
            Assert.That(leads[0].FieldData, Is.Empty);
            Assert.That(leads[1].FieldData.Single().Values, Is.EqualTo(new[] { "b@x.io" }));
        });
    }

    [TestCase("""{"message":"Invalid OAuth access token.","type":"OAuthException","code":190,"error_subcode":"","fbtrace_id":"AbC"}""", 190, null, TestName = "Subcode_as_an_empty_string")]
    [TestCase("""{"message":"Invalid OAuth access token.","type":"OAuthException","code":"190","error_subcode":"463","fbtrace_id":"AbC"}""", 190, 463, TestName = "Code_and_subcode_as_strings")]
    [TestCase("""{"message":"Invalid OAuth access token.","type":"OAuthException","code":190.0,"error_subcode":null,"fbtrace_id":"AbC"}""", 190, null, TestName = "Code_as_a_decimal_number")]
    [TestCase("""{"message":"Invalid OAuth access token.","type":"OAuthException","code":190,"error_subcode":99999999999,"fbtrace_id":"AbC"}""", 190, null, TestName = "Subcode_out_of_range")]
    public void An_error_whose_numbers_are_odd_keeps_its_code_message_and_trace(string error, int code, int? subcode)
    {
        var read = Read<GraphErrorEnvelope>("""{"error":""" + error + "}").Error!;
        var failure = GraphErrorClassifier.Classify(read, 400, GraphUsage.Empty, null, DateTimeOffset.UnixEpoch);

        Assert.Multiple(() =>
        {
            Assert.That((read.Code, read.ErrorSubcode, read.FbtraceId, read.Message), Is.EqualTo(((int?)code, subcode, (string?)"AbC", (string?)"Invalid OAuth access token.")));
            Assert.That(failure.Kind, Is.EqualTo(GraphFailureKind.TokenInvalid), "the code decides, not the status");
        });
    }

    [TestCase("""{"data":[{"id":"1","name":"Test ride","status":"ACTIVE","locale":"en_US","created_time":"2024-01-01T10:00:00+0000","leads_count":"12"}],"paging":{"cursors":{"before":"a","after":"b"}}}""", 12, TestName = "Forms_with_leads_count_as_a_string")]
    [TestCase("""{"data":[{"id":1,"name":"Test ride","leads_count":12}],"paging":{"cursors":{"before":"a","after":"b"},"next":"https://graph.facebook.com/v25.0/1/leadgen_forms?after=b"}}""", 12, TestName = "Forms_with_ids_as_numbers_and_a_next_page")]
    [TestCase("""{"data":[{"id":"1","name":"Test ride"}]}""", null, TestName = "Forms_without_leads_count_or_paging")]
    [TestCase("""{"data":[{"id":"1","name":"Test ride","leads_count":12.0}]}""", 12, TestName = "Forms_with_leads_count_as_a_decimal_number")]
    public void Lead_forms_are_read_as_graph_lists_them(string json, int? count)
    {
        var form = Read<GraphListResponse<GraphLeadFormDto>>(json).Data!.Single();
        Assert.That((form.Id, form.LeadsCount), Is.EqualTo(("1", count)));
    }

    [TestCase("""{"data":{"app_id":138483919580948,"type":"PAGE","application":"LeadOps","data_access_expires_at":"1544920500","expires_at":0,"is_valid":true,"issued_at":1347235328,"metadata":{"sso":"x"},"scopes":["leads_retrieval"],"granular_scopes":[{"scope":"pages_show_list","target_ids":["108"]}],"profile_id":108}}""", true, TestName = "Debug_token_of_a_page_token_with_numbers_as_numbers_or_strings")]
    [TestCase("""{"data":{"error":{"code":190,"message":"Session has expired","subcode":463},"is_valid":false,"scopes":[]}}""", false, TestName = "Debug_token_of_an_expired_token")]
    public void Debug_token_answers_are_read(string json, bool valid)
    {
        var data = Read<GraphDebugTokenResponse>(json).Data!;
        Assert.That(data.IsValid, Is.EqualTo(valid));
    }

    [TestCase("""{"recipient_id":"1254477777772919","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"}""", TestName = "Send_answer_as_documented")]
    [TestCase("""{"recipient_id":1254477777772919,"message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"}""", TestName = "Send_answer_with_the_recipient_as_a_number")]
    public void Send_api_answers_are_read(string json)
    {
        var sent = Read<GraphSendMessageResponse>(json);
        Assert.That((sent.RecipientId, sent.MessageId), Is.EqualTo(((string?)"1254477777772919", (string?)"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM")));
    }

    [TestCase(502, "text/html", "<html><body>502 Bad Gateway</body></html>", GraphFailureKind.Transient, TestName = "Html_502_from_a_proxy")]
    [TestCase(500, "text/plain", "Sorry, something went wrong.", GraphFailureKind.Transient, TestName = "Plain_text_500")]
    [TestCase(400, "application/json", "{\"error\":\"invalid_request\"}", GraphFailureKind.Unknown, TestName = "Error_as_a_string")]
    [TestCase(400, "application/json", "[1,2]", GraphFailureKind.Unknown, TestName = "Json_array")]
    [TestCase(400, "application/json", "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"code\":\"4\",\"is_transient\":\"true\"}}", GraphFailureKind.RateLimited, TestName = "Rate_limit_with_numbers_as_strings")]
    [TestCase(200, "application/json", "", GraphFailureKind.Unknown, TestName = "Empty_body")]
    public async Task Error_bodies_that_are_not_graph_errors_are_classified_by_status_never_thrown(int status, string mediaType, string body, GraphFailureKind expected)
    {
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) };
        var failure = await GraphErrorReader.ReadAsync(response, GraphUsage.Empty, "page-token", DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.That(failure.Kind, Is.EqualTo(expected));
    }
}
