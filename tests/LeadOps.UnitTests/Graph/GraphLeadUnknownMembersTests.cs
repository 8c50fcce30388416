using System.Text.Json;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Members of a lead LeadOps does not know (a field a later Graph version adds, in any shape) and a <c>field_data</c>
/// item whose name is <c>null</c>: the sandbox sends neither (Graph answers the fields named in <c>fields</c>), so the
/// reader is shown here to ignore the first and leave out the second, keeping the rest of the lead and of the page.
/// </summary>
public sealed class GraphLeadUnknownMembersTests
{
    [Test]
    public void A_leads_page_with_members_leadops_does_not_know_and_a_nameless_answer_is_read_whole()
    {
        const string json = """
            {"data":[
              {"id":1234567890123456001,"created_time":"2026-11-20T10:15:00+0000","lead_status":"NEW","inbox_url":"https://business.facebook.com/x",
               "qualifiers":[{"question":"q","answer":{"a":[1,2]}}],"source_info":{"type":"instant_form","ids":[]},"expires":null,
               "field_data":[{"name":null,"values":["no key"]},{"name":"email","values":["a@b.io"],"extra":{"k":1}}],
               "custom_disclaimer_responses":[{"checkbox_key":"optional_1","is_checked":"1","shown_at":12}]},
              {"id":"2","field_data":[{"name":"full_name","values":["Bruno Novak"]}],"unknown_list":[null,[],{}]}
            ],"paging":{"cursors":{"before":"a","after":"b"},"summary":{"count":2}}}
            """;

        var leads = JsonSerializer.Deserialize<GraphListResponse<GraphLeadDto>>(json, GraphJson.Options)!.Data!.Select(GraphLeadMapper.ToLead).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads.Select(l => (l.Id, l.Problem)), Is.EqualTo(new[] { ("1234567890123456001", (string?)null), ("2", null) }));
            Assert.That(leads[0].CreatedTime, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero)));
            Assert.That(leads[0].FieldData.Select(a => (a.Name, string.Join("|", a.Values))), Is.EqualTo(new[] { ("email", "a@b.io") }), "the nameless answer has no key to keep it under");
            Assert.That(leads[0].Consents.Select(c => (c.Key, c.Checked)), Is.EqualTo(new[] { ("optional_1", true) }));
            Assert.That(leads[1].FieldData.Single().Values, Is.EqualTo(new[] { "Bruno Novak" }));
        });
    }
}
