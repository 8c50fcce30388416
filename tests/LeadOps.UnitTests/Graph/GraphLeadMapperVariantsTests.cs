using System.Text.Json;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.UnitTests.Graph;

/// <summary>Every Lead field and every variant Graph sends: ids as numbers, unix times, consent as "1"/"0" or booleans, objects by id.</summary>
public sealed class GraphLeadMapperVariantsTests
{
    [Test]
    public void Reads_every_lead_field_and_every_variant_of_consent_and_time()
    {
        const string json = """
            {"id":120000000000000001,"created_time":1800000000,"form_id":42,"field_data":[{"name":"email","values":["a@b.c"]}],
             "custom_disclaimer_responses":[{"checkbox_key":"optional_1","is_checked":"1"},{"checkbox_key":"optional_2","is_checked":"0"},
               {"checkbox_key":"optional_3","is_checked":true},{"checkbox_key":"optional_4","is_checked":false},{"checkbox_key":"optional_5","is_checked":1},
               {"checkbox_key":"optional_6"},{"is_checked":"1"}],
             "partner_name":"Dealer One","retailer_item_id":"SKU-9","home_listing":{"id":"555"},"vehicle":777,"post":{"id":"1_2"}}
            """;

        var lead = GraphLeadMapper.ToLead(JsonSerializer.Deserialize<GraphLeadDto>(json, GraphJson.Options)!);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("120000000000000001"));
            Assert.That(lead.CreatedTime, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
            Assert.That(lead.CreatedTimeProblem, Is.Null);
            Assert.That(lead.FormId, Is.EqualTo("42"));
            Assert.That(lead.Consents.Select(c => (c.Key, c.Checked)), Is.EqualTo(new[]
            {
                ("optional_1", true), ("optional_2", false), ("optional_3", true), ("optional_4", false), ("optional_5", true), ("optional_6", false),
            }));
            Assert.That((lead.PartnerName, lead.RetailerItemId, lead.HomeListingId, lead.VehicleId, lead.PostId), Is.EqualTo(("Dealer One", "SKU-9", "555", "777", "1_2")));
        });
    }

    [TestCase("""{"id":"1"}""", "Graph sent no created_time")]
    [TestCase("""{"id":"1","created_time":"last tuesday"}""", "could not be read")]
    public void A_lead_without_a_readable_created_time_is_still_usable_and_says_why(string json, string problem)
    {
        var lead = GraphLeadMapper.ToLead(JsonSerializer.Deserialize<GraphLeadDto>(json, GraphJson.Options)!);

        Assert.That((lead.Problem, lead.CreatedTime), Is.EqualTo(((string?)null, (DateTimeOffset?)null)));
        Assert.That(lead.CreatedTimeProblem, Does.Contain(problem));
    }

    [Test]
    public void Consent_in_an_unexpected_shape_reads_as_none_instead_of_failing_the_page()
    {
        var lead = GraphLeadMapper.ToLead(JsonSerializer.Deserialize<GraphLeadDto>("""{"id":"1","custom_disclaimer_responses":"yes"}""", GraphJson.Options)!);

        Assert.That(lead.Consents, Is.Empty);
    }
}
