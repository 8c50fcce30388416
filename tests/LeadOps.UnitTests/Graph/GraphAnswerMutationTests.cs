using System.Text.Json;
using System.Text.Json.Nodes;
using LeadOps.Infrastructure.Graph.Dtos;
using LeadOps.Infrastructure.Graph.Json;
using LeadOps.TestSupport;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Graph's answers as Meta's reference pages print them, each value in turn left out or replaced by a value of another
/// JSON type: every one is still read (the odd value as not given), never an exception that would cost the whole answer
/// (a page of leads, the forms, the token's details). The exceptions are a page's <c>paging</c> that is not an object and
/// its <c>data</c> that is not a list: that page is refused (the run fails and is tried again) rather than read as the
/// last one or as an empty one, either of which would skip leads. The samples themselves are read with their values, so the mutations test real reading.
/// </summary>
public sealed class GraphAnswerMutationTests
{
    private const string LeadPage = """
        {"data":[{"id":"1500000000000001","created_time":"2026-11-20T10:15:00+0000","form_id":"206170000000012","ad_id":"23850000000000001",
        "ad_name":"Spring ad","adset_id":"23850000000000002","adset_name":"Lisbon","campaign_id":"23850000000000003","campaign_name":"Spring",
        "is_organic":false,"platform":"fb","partner_name":"Acme","retailer_item_id":"SKU-1","home_listing":{"id":"1"},"vehicle":{"id":"2"},"post":{"id":"3"},
        "custom_disclaimer_responses":[{"checkbox_key":"terms","is_checked":"1"}],
        "field_data":[{"name":"full_name","values":["Ana Costa"]},{"name":"email","values":["ana@example.com"]},{"name":"services","values":["repair","rental"]}]}],
        "paging":{"cursors":{"before":"QVFIUmN","after":"QVFIUjB"},"next":"https://graph.facebook.com/v25.0/206170000000012/leads?after=QVFIUjB"}}
        """;

    private const string FormPage = """
        {"data":[{"id":"206170000000012","name":"Test ride booking","status":"ACTIVE","locale":"en_US","created_time":"2026-01-10T09:00:00+0000","leads_count":12,
        "questions":[{"key":"full_name","label":"Full name","type":"FULL_NAME","id":"1"},{"key":"size","label":"Frame size","type":"CUSTOM","options":[{"key":"m","value":"M"}]}]}],
        "paging":{"cursors":{"before":"a","after":"b"}}}
        """;

    private const string DebugToken = """
        {"data":{"app_id":"263902037430900","type":"PAGE","application":"LeadOps","data_access_expires_at":1803000000,"expires_at":0,"is_valid":true,
        "issued_at":1795000000,"profile_id":"108240000000001","scopes":["pages_show_list","leads_retrieval","pages_messaging"],"user_id":"10000000000001"}}
        """;

    private const string SubscribedApps = """
        {"data":[{"category":"Business","link":"https://leadops.example","name":"LeadOps","id":"263902037430900","subscribed_fields":["leadgen","messages"]}]}
        """;

    private const string SendAnswer = """{"recipient_id":"7300000000000001","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"}""";

    private const string EventsAnswer = """{"events_received":1,"messages":[],"fbtrace_id":"AbCdEf"}""";

    private const string Profile = """{"first_name":"Ana","last_name":"Costa","name":"Ana Costa","profile_pic":"https://scontent.example/p.jpg","id":"7300000000000001"}""";

    private const string ErrorBody = """
        {"error":{"message":"(#100) No matching user found","type":"OAuthException","code":100,"error_subcode":2018001,"error_user_title":"No match",
        "error_user_msg":"The person could not be found.","is_transient":false,"fbtrace_id":"AbCdEf"}}
        """;

    [Test]
    public void A_page_of_leads_with_any_value_left_out_or_of_another_type_is_read()
    {
        var sample = Read<GraphListResponse<GraphLeadDto>>(LeadPage);
        Assert.That(sample.Data!.Single().FieldData!.Select(f => f.Name), Is.EqualTo(new[] { "full_name", "email", "services" }));
        AssertEveryMutationReads<GraphListResponse<GraphLeadDto>>(LeadPage);
    }

    [Test]
    public void A_page_of_forms_with_any_value_left_out_or_of_another_type_is_read()
    {
        Assert.That(Read<GraphListResponse<GraphLeadFormDto>>(FormPage).Data!.Single().LeadsCount, Is.EqualTo(12));
        AssertEveryMutationReads<GraphListResponse<GraphLeadFormDto>>(FormPage);
    }

    [Test]
    public void A_token_debug_answer_with_any_value_left_out_or_of_another_type_is_read()
    {
        Assert.That(Read<GraphDebugTokenResponse>(DebugToken).Data!.Scopes, Does.Contain("leads_retrieval"));
        AssertEveryMutationReads<GraphDebugTokenResponse>(DebugToken);
    }

    [Test]
    public void The_subscribed_apps_with_any_value_left_out_or_of_another_type_are_read()
    {
        Assert.That(Read<GraphListResponse<GraphSubscribedAppDto>>(SubscribedApps).Data!.Single().SubscribedFields, Does.Contain("leadgen"));
        AssertEveryMutationReads<GraphListResponse<GraphSubscribedAppDto>>(SubscribedApps);
    }

    [Test]
    public void A_send_answer_a_profile_and_an_error_with_any_value_left_out_or_of_another_type_are_read()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Read<GraphSendMessageResponse>(SendAnswer).MessageId, Is.EqualTo("m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"));
            Assert.That(Read<GraphUserProfileDto>(Profile).FirstName, Is.EqualTo("Ana"));
            Assert.That(Read<GraphErrorEnvelope>(ErrorBody).Error!.ErrorSubcode, Is.EqualTo(2018001));
        });
        AssertEveryMutationReads<GraphSendMessageResponse>(SendAnswer);
        AssertEveryMutationReads<GraphUserProfileDto>(Profile);
        AssertEveryMutationReads<GraphErrorEnvelope>(ErrorBody);
    }

    [Test]
    public void A_conversions_api_answer_with_any_value_left_out_or_of_another_type_is_read()
    {
        Assert.That(Read<GraphEventsResponse>(EventsAnswer).EventsReceived, Is.EqualTo(1));
        AssertEveryMutationReads<GraphEventsResponse>(EventsAnswer);
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, GraphJson.Options)!;

    private static void AssertEveryMutationReads<T>(string json)
    {
        var sample = JsonNode.Parse(json)!;
        var unread = new List<string>();
        foreach (var path in JsonMutations.Paths(sample))
        {
            foreach (var replacement in JsonMutations.Replacements)
            {
                var value = replacement?.Invoke();
                var refusedPaging = replacement is not null &&
                    ((path is ["paging"] && value is not (null or JsonObject)) || (path is ["data"] && sample["data"] is JsonArray && value is not (null or JsonArray)));
                var mutated = JsonMutations.Mutated(sample, path, replacement).ToJsonString();
                try
                {
                    JsonSerializer.Deserialize<T>(mutated, GraphJson.Options);
                    if (refusedPaging)
                    {
                        unread.Add($"{path[0]} = {value!.ToJsonString()}: read instead of refused");
                    }
                }
                catch (JsonException) when (refusedPaging)
                {
                    // Refused, as it should be.
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
                {
                    unread.Add($"{JsonMutations.Describe(path, replacement)}: {ex.GetType().Name}");
                }
            }
        }

        Assert.That(unread, Is.Empty);
    }
}
