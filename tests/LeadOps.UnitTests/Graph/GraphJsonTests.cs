using System.Text.Json;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.UnitTests.Graph;

public sealed class GraphJsonTests
{
    [Test]
    public void Ids_may_arrive_as_numbers_or_strings()
    {
        var fromNumbers = JsonSerializer.Deserialize<GraphLeadDto>("""{"id":123456789012345678,"form_id":42,"ad_id":"7"}""", GraphJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That(fromNumbers.Id, Is.EqualTo("123456789012345678"));
            Assert.That(fromNumbers.FormId, Is.EqualTo("42"));
            Assert.That(fromNumbers.AdId, Is.EqualTo("7"));
        });
    }

    [Test]
    public void A_leads_page_with_ids_sent_as_numbers_and_an_unreadable_created_time_still_maps_every_lead()
    {
        // Graph sends ids as strings; a client that also reads numbers and odd times loses no lead if that ever changes.
        const string json = """
            {"data":[
              {"id":120000000000000001,"created_time":"2026-11-20T10:15:00+0000","form_id":42,"field_data":[{"name":"email","values":["a@b.c"]}]},
              {"id":"120000000000000002","created_time":"20/11/2026","field_data":[]}
            ],"paging":{"cursors":{"before":"x","after":"y"}}}
            """;

        var page = JsonSerializer.Deserialize<GraphListResponse<GraphLeadDto>>(json, GraphJson.Options)!;
        var leads = page.Data!.Select(GraphLeadMapper.ToLead).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads.Select(l => l.Id), Is.EqualTo(new[] { "120000000000000001", "120000000000000002" }));
            Assert.That(leads[0].FormId, Is.EqualTo("42"));
            Assert.That(leads[0].Problem, Is.Null);
            Assert.That(leads[1].CreatedTime, Is.Null);
            Assert.That(leads[1].Problem, Is.Null, "a lead without a readable time is still a lead");
            Assert.That(leads[1].CreatedTimeProblem, Does.Contain("created_time"));
            Assert.That(GraphPagingCursor.NextPage(page.Paging), Is.Null, "no next: the last page");
        });
    }

    [Test]
    public void Reads_a_lead_as_graph_documents_it()
    {
        const string json = """
            {"id":"111","created_time":"2026-11-20T10:15:00+0000","form_id":"222","ad_id":"333","is_organic":false,
             "platform":"fb","field_data":[{"name":"full_name","values":["Ana Lima"]},{"name":"email","values":["ana@x.io"]}]}
            """;

        var lead = JsonSerializer.Deserialize<GraphLeadDto>(json, GraphJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That(lead.CreatedTime, Is.EqualTo("2026-11-20T10:15:00+0000"));
            Assert.That(lead.IsOrganic, Is.False);
            Assert.That(lead.Platform, Is.EqualTo("fb"));
            Assert.That(lead.FieldData!.Select(f => f.Name), Is.EqualTo(new[] { "full_name", "email" }));
        });
    }

    [Test]
    public void Reads_an_error_body_with_a_code_sent_as_a_string()
    {
        var envelope = JsonSerializer.Deserialize<GraphErrorEnvelope>(
            """{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":"4","error_subcode":2446079,"fbtrace_id":"Ax1","is_transient":true}}""",
            GraphJson.Options)!;

        Assert.That(envelope.Error, Is.EqualTo(new GraphErrorDto
        {
            Message = "(#4) Application request limit reached",
            Type = "OAuthException",
            Code = 4,
            ErrorSubcode = 2446079,
            FbtraceId = "Ax1",
            IsTransient = true,
        }));
    }

    [Test]
    public void Writes_the_send_api_body_in_snake_case_without_a_null_tag()
    {
        var json = JsonSerializer.Serialize(
            new GraphSendMessageRequest(new GraphRecipientDto("psid-1"), "RESPONSE", new GraphMessageDto("Hi"), null),
            GraphJson.Options);

        Assert.That(json, Is.EqualTo("""{"recipient":{"id":"psid-1"},"messaging_type":"RESPONSE","message":{"text":"Hi"}}"""));
    }
}
