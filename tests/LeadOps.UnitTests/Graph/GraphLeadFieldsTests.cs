using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// A lead read that Graph refuses for one of the vertical fields is asked again without it: the field Graph names for
/// (#100) "nonexisting field … on node type (Lead)", every vertical field for (#3), which names none. Any other refusal,
/// and one once no vertical field is left, is passed on at once.
/// </summary>
public sealed class GraphLeadFieldsTests
{
    private static GraphApiException Refusal(GraphFailureKind kind, int code, string message) =>
        new(new GraphFailure(kind, code, null, "OAuthException", message, "trace", false, 400));

    [Test]
    public async Task A_nonexisting_field_of_a_lead_is_left_out_alone_and_the_rest_is_still_asked()
    {
        var fields = new GraphLeadFields(NullLogger.Instance, "lead 1");
        var asked = new List<string>();

        var answer = await fields.RunAsync(f =>
        {
            asked.Add(f);
            return f.Contains("vehicle", StringComparison.Ordinal)
                ? throw Refusal(GraphFailureKind.InvalidRequest, 100, "(#100) Tried accessing nonexisting field (vehicle) on node type (Lead)")
                : Task.FromResult(42);
        });

        Assert.Multiple(() =>
        {
            Assert.That(answer, Is.EqualTo(42));
            Assert.That(asked, Has.Count.EqualTo(2));
            Assert.That(asked[0], Is.EqualTo(GraphLeadMapper.Fields));
            Assert.That(asked[1].Split(','), Does.Not.Contain("vehicle").And.Contains("post").And.Contains("home_listing").And.Contains("created_time"));
            Assert.That(fields.Current, Is.EqualTo(asked[1]), "the rest of the walk keeps to it");
        });
    }

    [Test]
    public void A_capability_refusal_leaves_out_every_vertical_field_and_a_refusal_of_the_guides_fields_is_passed_on()
    {
        var fields = new GraphLeadFields(NullLogger.Instance, "form 1");
        var asked = new List<string>();
        var refusal = Refusal(GraphFailureKind.PermissionMissing, 3, "(#3) Application does not have the capability to make this API call.");

        Assert.ThrowsAsync<GraphApiException>(() => fields.RunAsync<int>(f =>
        {
            asked.Add(f);
            throw refusal;
        }));

        Assert.That(asked, Is.EqualTo(new[] { GraphLeadMapper.Fields, GraphLeadMapper.GuideFields }));
    }

    [Test]
    public async Task Each_refusal_is_logged_with_its_own_code_and_the_fields_it_left_out()
    {
        var logs = new FakeLogCollector();
        var fields = new GraphLeadFields(new FakeLogger(logs), "lead 1");
        var asked = 0;

        await fields.RunAsync(f => ++asked switch
        {
            1 => throw Refusal(GraphFailureKind.InvalidRequest, 100, "(#100) Tried accessing nonexisting field (vehicle) on node type (Lead)"),
            2 => throw Refusal(GraphFailureKind.PermissionMissing, 3, "(#3) Application does not have the capability to make this API call."),
            _ => Task.FromResult(f),
        });

        var narrowed = logs.GetSnapshot().Where(l => l.Id.Name == "GraphLeadFieldsNarrowed").Select(l => l.Message).ToList();
        Assert.That(narrowed, Is.EqualTo(new[]
        {
            "Graph refused a lead read of lead 1 for vehicle (code 100); it was read without them",
            "Graph refused a lead read of lead 1 for partner_name, retailer_item_id, home_listing, post (code 3); it was read without them",
        }));
    }

    [TestCase("(#100) Tried accessing nonexisting field (leads) on node type (Page)", TestName = "A_nonexisting_field_of_another_node_is_passed_on_at_once")]
    [TestCase("(#100) Tried accessing nonexisting field (post_submission_check_result) on node type (Lead)", TestName = "A_nonexisting_field_LeadOps_does_not_leave_out_is_passed_on_at_once")]
    [TestCase("(#100) Unsupported get request. Object with ID '1' does not exist", TestName = "An_unknown_lead_is_passed_on_at_once")]
    public void Other_refusals_are_passed_on_without_asking_again(string message)
    {
        var fields = new GraphLeadFields(NullLogger.Instance, "lead 1");
        var asked = 0;

        Assert.ThrowsAsync<GraphApiException>(() => fields.RunAsync<int>(_ =>
        {
            asked++;
            throw Refusal(GraphFailureKind.InvalidRequest, 100, message);
        }));

        Assert.That(asked, Is.EqualTo(1));
    }
}
