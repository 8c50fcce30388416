using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// segmentio/segment-docs, <c>src/connections/sources/catalog/cloud-apps/facebook-lead-ads/index.md</c> ("Event
/// Properties"): the traits of a Facebook lead as Segment's source received it carry the form's question keys as the form
/// has them, <c>First_Name</c> and <c>Last_Name</c> in mixed case, <c>work_email</c> and <c>job_title</c>, with no
/// <c>full_name</c>, and the ad and form ids as JSON numbers. Such a lead, announced by a leadgen body with its ids as
/// numbers (the sandbox holds the lead; its own webhook is silenced), is stored once with every answer as Graph reads it,
/// named by its first and last name, reached at its work e-mail, and welcomed once.
/// </summary>
public sealed class SegmentLeadAdsShapesTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_lead_with_mixed_case_name_keys_and_only_a_work_email_is_named_and_reached_by_them()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainTestRideFormId, new SandboxLead
        {
            IsOrganic = false,
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["First_Name"] = ["Ana"], ["Last_Name"] = ["Lima"], ["job_title"] = ["warehouse"], ["work_email"] = ["ana.lima@example.test"],
            },
        });
        var body = $$"""
            {"object":"page","entry":[{"id":{{SandboxSeed.MainPageId}},"time":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"changes":[{"field":"leadgen","value":
              {"ad_id":6052204319312,"form_id":{{SandboxSeed.MainTestRideFormId}},"leadgen_id":{{leadId}},"created_time":{{DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds()}},
               "page_id":{{SandboxSeed.MainPageId}},"adgroup_id":6052204319312} } ] } ] }
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);
        var answers = lead.GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => string.Join("|", a.GetProperty("values").EnumerateArray().Select(v => v.GetString())));
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("name").GetString(), Is.EqualTo("Ana Lima"));
            Assert.That(lead.GetProperty("first_name").GetString(), Is.EqualTo("Ana"));
            Assert.That(lead.GetProperty("last_name").GetString(), Is.EqualTo("Lima"));
            Assert.That(lead.GetProperty("email").GetString(), Is.EqualTo("ana.lima@example.test"), "the work e-mail is the lead's e-mail");
            Assert.That(answers, Is.EqualTo(new Dictionary<string, string>
            {
                ["First_Name"] = "Ana", ["Last_Name"] = "Lima", ["job_title"] = "warehouse", ["work_email"] = "ana.lima@example.test",
            }), "every answer under its key as the form has it");
            Assert.That(lead.GetProperty("ad_id").GetString(), Is.Not.Null.And.Not.Empty.And.Not.EqualTo("6052204319312"), "Graph's ad, not the body's");
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }
}
