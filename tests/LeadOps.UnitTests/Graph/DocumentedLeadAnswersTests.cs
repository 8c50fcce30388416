using System.Net;
using System.Text;
using System.Text.Json;
using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using LeadOps.Infrastructure.Graph.Json;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// Graph's lead answers and lead-read errors laid out as Meta's Lead Ads pages print them (placeholders filled in):
/// "Retrieving Leads" (marketing-api/guides/lead-ads/retrieving: one lead, the <c>leads</c> edge, custom disclaimer
/// responses), the Lead object's fields (the business SDKs' <c>Lead</c>), and the error bodies of graph-api/guides/error-handling
/// and graph-api/overview/rate-limiting.
/// </summary>
public sealed class DocumentedLeadAnswersTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, GraphJson.Options)!;

    /// <summary>"Retrieving Leads", reading one lead: <c>GET /{lead-id}</c>, answers of a custom and of standard questions.</summary>
    private const string SingleLead = """
        {
          "created_time": "2015-02-28T08:49:14+0000", 
          "id": "1518430878433284", 
          "ad_id": "23842587123450139",
          "form_id": "1214353845339016",
          "field_data": [{
            "name": "car_make",
            "values": [
              "Honda"
            ]
          }, 
          {
            "name": "full_name", 
            "values": [
              "Joe Example"
            ]
          }, 
          {
            "name": "email", 
            "values": [
              "joe@example.com"
            ]
          },
          {
            "name": "selected_dealer", 
            "values": [
              "99213450"
            ]
          }]
        }
        """;

    /// <summary>"Retrieving Leads", bulk read: <c>GET /{form-id}/leads</c>, one page with cursors and no <c>next</c>.</summary>
    private const string LeadsPage = """
        {
          "data": [
            {
              "created_time": "2018-02-28T21:17:02+0000",
              "id": "2014561735238513",
              "field_data": [
                {
                  "name": "email",
                  "values": [
                    "test@meta.com"
                  ]
                },
                {
                  "name": "full_name",
                  "values": [
                    "Test User"
                  ]
                }
              ]
            }
          ],
          "paging": {
            "cursors": {
              "before": "QVFIUkxxRVkzUm9hOU9FU01sOW5hZAmZAaRWNoR1hJdnhDc3pOdEZAodFB4R1hEaGtvVnBGcnBGbjJiMDBaUHhJOWtsbWJYSXBVMXd4UlJqZAlJZAQ1BxVlFnWjZAn",
              "after": "QVFIUkxxRVkzUm9hOU9FU01sOW5hZAmZAaRWNoR1hJdnhDc3pOdEZAodFB4R1hEaGtvVnBGcnBGbjJiMDBaUHhJOWtsbWJYSXBVMXd4UlJqZAlJZAQ1BxVlFnWjZAn"
            }
          }
        }
        """;

    /// <summary>"Retrieving Leads", reading custom disclaimer responses: a box left unticked has an empty <c>is_checked</c>.</summary>
    private const string LeadWithDisclaimers = """
        {
          "created_time": "2017-05-01T21:28:31+0000",
          "id": "1280349198729421",
          "field_data": [
            {
              "name": "email",
              "values": [
                "joe@example.com"
              ]
            }
          ],
          "custom_disclaimer_responses": [
            {
              "checkbox_key": "my_checkbox",
              "is_checked": "1"
            },
            {
              "checkbox_key": "my_checkbox_2",
              "is_checked": ""
            }
          ]
        }
        """;

    /// <summary>
    /// Every field of the Lead object asked by name: an organic Instagram lead (no ad fields), a partner lead with a
    /// catalogue item, a home listing and a vehicle as node references, an answer with several values and one with none.
    /// </summary>
    private const string OrganicLeadWithEveryField = """
        {
          "id": "1518430878433285",
          "created_time": "2026-11-20T10:15:00+0000",
          "form_id": "1214353845339016",
          "is_organic": true,
          "platform": "ig",
          "partner_name": "Example Realty",
          "retailer_item_id": "sku-1042",
          "home_listing": {"id": "3107741382694829"},
          "vehicle": {"id": "2749110385238761"},
          "field_data": [
            {"name": "which_services", "values": ["servicing", "tyres"]},
            {"name": "phone_number", "values": []},
            {"name": "full_name", "values": ["Ana Lima"]}
          ]
        }
        """;

    [Test]
    public void The_documented_single_lead_is_read_with_every_answer()
    {
        var lead = GraphLeadMapper.ToLead(Read<GraphLeadDto>(SingleLead));

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("1518430878433284"));
            Assert.That(lead.CreatedTime, Is.EqualTo(new DateTimeOffset(2015, 2, 28, 8, 49, 14, TimeSpan.Zero)));
            Assert.That(lead.FormId, Is.EqualTo("1214353845339016"));
            Assert.That(lead.Attribution.AdId, Is.EqualTo("23842587123450139"));
            Assert.That(lead.FieldData.Select(a => (a.Name, string.Join("|", a.Values))), Is.EqualTo(new[]
            {
                ("car_make", "Honda"), ("full_name", "Joe Example"), ("email", "joe@example.com"), ("selected_dealer", "99213450"),
            }));
            Assert.That(lead.Problem, Is.Null);
            Assert.That(lead.CreatedTimeProblem, Is.Null);
        });
    }

    [Test]
    public void The_documented_leads_page_is_read_and_ends_without_next()
    {
        var page = Read<GraphListResponse<GraphLeadDto>>(LeadsPage);
        var leads = page.Data!.Select(GraphLeadMapper.ToLead).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(leads.Select(l => l.Id), Is.EqualTo(new[] { "2014561735238513" }));
            Assert.That(leads[0].CreatedTime, Is.EqualTo(new DateTimeOffset(2018, 2, 28, 21, 17, 2, TimeSpan.Zero)));
            Assert.That(leads[0].FieldData.Select(a => a.Values.Single()), Is.EqualTo(new[] { "test@meta.com", "Test User" }));
            Assert.That(leads[0].Attribution.AdId, Is.Null, "no ad fields were asked for");
            Assert.That(page.Paging?.Next, Is.Null, "no next: the last page");
            Assert.That(page.Paging?.Cursors?.After, Does.StartWith("QVFIUkxx"));
        });
    }

    [Test]
    public void The_documented_disclaimer_responses_read_as_ticked_and_not_ticked()
    {
        var lead = GraphLeadMapper.ToLead(Read<GraphLeadDto>(LeadWithDisclaimers));

        Assert.That(lead.Consents.Select(c => (c.Key, c.Checked)), Is.EqualTo(new[] { ("my_checkbox", true), ("my_checkbox_2", false) }));
    }

    [Test]
    public void An_organic_lead_with_every_lead_field_keeps_them_all()
    {
        var lead = GraphLeadMapper.ToLead(Read<GraphLeadDto>(OrganicLeadWithEveryField));

        Assert.Multiple(() =>
        {
            Assert.That(lead.Attribution.IsOrganic, Is.True);
            Assert.That(lead.Attribution.AdId, Is.Null);
            Assert.That(lead.Attribution.Platform, Is.EqualTo("ig"));
            Assert.That(lead.PartnerName, Is.EqualTo("Example Realty"));
            Assert.That(lead.RetailerItemId, Is.EqualTo("sku-1042"));
            Assert.That(lead.HomeListingId, Is.EqualTo("3107741382694829"));
            Assert.That(lead.VehicleId, Is.EqualTo("2749110385238761"));
            Assert.That(lead.FieldData.Single(a => a.Name == "which_services").Values, Is.EqualTo(new[] { "servicing", "tyres" }));
            Assert.That(lead.FieldData.Single(a => a.Name == "phone_number").Values, Is.Empty);
        });
    }

    [TestCase(
        400,
        """{"error":{"message":"Unsupported get request. Object with ID '1518430878433284' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AWrSz5nQm4YcdgZ3N7hYbXk"}}""",
        GraphFailureKind.InvalidRequest, 100, null, TestName = "Error_100_33_the_lead_does_not_exist")]
    [TestCase(
        400,
        """{"error":{"message":"Error validating access token: Session has expired on Sunday, 06-Dec-26 01:00:00 PST. The current time is Sunday, 06-Dec-26 02:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A3Qk2mCkX9uN1p7vYdEwZ0r"}}""",
        GraphFailureKind.TokenInvalid, 190, null, TestName = "Error_190_463_the_token_expired")]
    [TestCase(
        403,
        """{"error":{"message":"(#200) Requires leads_retrieval permission to manage the object","type":"OAuthException","code":200,"fbtrace_id":"AhQ9x0ZcB6l2mVq4K8rTfYs"}}""",
        GraphFailureKind.PermissionMissing, 200, "leads_retrieval", TestName = "Error_200_leads_retrieval_missing")]
    [TestCase(
        400,
        """{"error":{"message":"(#80005) There have been too many leadgen api calls to this Page. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.","type":"OAuthException","code":80005,"fbtrace_id":"Az1kP0Yv8wQm3nLr5tXcBfD"}}""",
        GraphFailureKind.RateLimited, 80005, null, TestName = "Error_80005_leadgen_throttle")]
    public async Task The_documented_errors_of_a_lead_read_are_classified_by_their_code(
        int status, string body, GraphFailureKind kind, int code, string? permission)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var failure = await GraphErrorReader.ReadAsync(response, GraphUsage.Empty, "page-token", DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failure.Kind, Is.EqualTo(kind));
            Assert.That(failure.Code, Is.EqualTo(code));
            Assert.That(failure.MissingPermission, Is.EqualTo(permission));
            Assert.That(failure.FbTraceId, Is.Not.Null.And.Not.Empty);
        });
    }
}
