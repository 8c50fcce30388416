using System.Net;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The sandbox's Conversions API (<c>POST /{dataset-id}/events</c>) checks CRM events as Meta documents them and answers
/// refusals in Meta's shape (code 100, a subcode, <c>error_user_msg</c>); accepted events are recorded for tests.
/// </summary>
public sealed class GraphSandboxConversionsTests : SandboxFixture
{
    private string LeadId => Graph.SubmitLeads(SandboxSeed.MainServiceFormId, 1)[0];

    [Test]
    public async Task A_documented_crm_event_is_accepted_and_recorded()
    {
        var lead = LeadId;
        var answer = await PostAsync(Body(Event(lead), testEventCode: "TEST123"));

        var received = Graph.ConversionEvents.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Json.ToString());
            Assert.That(answer.Json.GetProperty("events_received").GetInt32(), Is.EqualTo(1));
            Assert.That(answer.Json.GetProperty("messages").GetArrayLength(), Is.Zero);
            Assert.That(answer.Json.GetProperty("fbtrace_id").GetString(), Is.EqualTo(received.FbTraceId));
            Assert.That(received.LeadId, Is.EqualTo(lead));
            Assert.That(received.EventName, Is.EqualTo("Qualified"));
            Assert.That(received.TestEventCode, Is.EqualTo("TEST123"));
        }
    }

    [Test]
    public async Task A_lead_id_sent_as_a_string_is_accepted()
    {
        var answer = await PostAsync(Body(Event(LeadId, leadIdAsString: true)));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Json.ToString());
    }

    [Test]
    public async Task An_unknown_lead_id_is_refused_in_metas_shape()
    {
        var answer = await PostAsync(Body(Event("1599999999999999")));

        AssertRefused(answer, "Invalid Lead ID", "does not match a lead");
    }

    [Test]
    public async Task An_event_older_than_7_days_is_refused()
    {
        var answer = await PostAsync(Body(Event(LeadId, time: DateTimeOffset.UtcNow.AddDays(-7).AddMinutes(-5))));

        AssertRefused(answer, "Event Timestamp Too Old", "more than 7 days");
    }

    [Test]
    public async Task Missing_required_fields_are_refused_one_by_one()
    {
        var lead = LeadId;
        foreach (var field in new[] { "event_name", "event_time", "action_source", "user_data" })
        {
            var e = Event(lead);
            e.Remove(field);
            var answer = await PostAsync(Body(e));
            AssertRefused(answer, "Server-side API parameter error", $"$['data'][0]['{field}'] is required");
        }
    }

    [Test]
    public async Task An_unknown_action_source_is_refused()
    {
        var e = Event(LeadId);
        e["action_source"] = "crm";

        AssertRefused(await PostAsync(Body(e)), "Server-side API parameter error", "action_source");
    }

    [Test]
    public async Task An_invalid_token_is_refused_and_nothing_is_recorded()
    {
        var answer = await PostAsync(Body(Event(LeadId), token: "EAAnotAToken"));
        var pageToken = await PostAsync(Body(Event(LeadId), token: SandboxSeed.MainPageToken));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answer.ErrorCode, Is.EqualTo(190));
            Assert.That(pageToken.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(pageToken.ErrorCode, Is.EqualTo(100), "a page token cannot send events to a dataset");
            Assert.That(Graph.ConversionEvents, Is.Empty);
        }
    }

    [Test]
    public async Task An_injected_fault_fails_the_call_and_records_nothing()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Events, Kind = FaultKind.Transient, Code = 2, Times = 1 });

        var failed = await PostAsync(Body(Event(LeadId)));
        var retried = await PostAsync(Body(Event(LeadId)));

        Assert.That(failed.ErrorCode, Is.EqualTo(2));
        Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Graph.ConversionEvents, Has.Count.EqualTo(1));
    }

    private Task<GraphAnswer> PostAsync(Dictionary<string, object?> body) =>
        Http.PostJsonAsync($"{SandboxSeed.DatasetId}/events", body, token: null);

    private static Dictionary<string, object?> Event(string leadId, DateTimeOffset? time = null, bool leadIdAsString = false) => new()
    {
        ["event_name"] = "Qualified",
        ["event_time"] = (time ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        ["action_source"] = "system_generated",
        ["user_data"] = new Dictionary<string, object> { ["lead_id"] = leadIdAsString ? leadId : long.Parse(leadId, System.Globalization.CultureInfo.InvariantCulture) },
        ["custom_data"] = new Dictionary<string, object> { ["event_source"] = "crm", ["lead_event_source"] = "LeadOps" },
    };

    private static Dictionary<string, object?> Body(Dictionary<string, object?> e, string token = SandboxSeed.DatasetToken, string? testEventCode = null)
    {
        var body = new Dictionary<string, object?> { ["data"] = new[] { e }, ["access_token"] = token };
        if (testEventCode is not null)
        {
            body["test_event_code"] = testEventCode;
        }

        return body;
    }

    private void AssertRefused(GraphAnswer answer, string title, string message)
    {
        var error = answer.Json.GetProperty("error");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answer.ErrorCode, Is.EqualTo(100));
            Assert.That(answer.ErrorMessage, Is.EqualTo("Invalid parameter"));
            Assert.That(answer.ErrorSubcode, Is.Not.Null);
            Assert.That(error.GetProperty("error_user_title").GetString(), Is.EqualTo(title));
            Assert.That(error.GetProperty("error_user_msg").GetString(), Does.Contain(message));
            Assert.That(error.GetProperty("fbtrace_id").GetString(), Is.Not.Empty);
            Assert.That(Graph.ConversionEvents, Is.Empty);
        }
    }
}
