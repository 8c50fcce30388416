using LeadOps.GraphSandbox;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Graph as it really answers: leads without a readable created_time, an empty page that repeats its cursor, consent
/// check boxes, over-long values. Each retrieval answers 200 and keeps every real lead whole, on both providers.
/// </summary>
public sealed class GraphAsItIsTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>The not-subscribed page sends no webhooks: what is stored here, retrieval stored.</summary>
    private static readonly string TestRideForm = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];

    private static readonly string ServiceForm = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task Leads_without_a_readable_created_time_are_stored_with_the_time_first_seen_and_the_retrieval_answers_200()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var missing = Graph.SubmitLead(TestRideForm, new SandboxLead { CreatedTimeAs = CreatedTimeForm.Missing });
        var unreadable = Graph.SubmitLead(TestRideForm, new SandboxLead { CreatedTimeAs = CreatedTimeForm.Unreadable });
        var unix = Graph.SubmitLead(TestRideForm, new SandboxLead { CreatedTimeAs = CreatedTimeForm.Unix, CreatedTime = DateTimeOffset.UtcNow.AddMinutes(-5) });
        var usual = Graph.SubmitLead(TestRideForm, new SandboxLead());

        var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = TestRideForm, integration_id = integrationId });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var processed = body.GetProperty("data").GetProperty("processed_leads").EnumerateArray()
            .ToDictionary(p => p.GetProperty("facebook_lead_id").GetString()!, p => p);
        foreach (var id in new[] { missing, unreadable, unix, usual })
        {
            Assert.That(processed[id].GetProperty("status").GetString(), Is.EqualTo("created"), id);
        }

        var lead = await LeadAsync(api, processed[missing].GetProperty("lead_id").GetInt64());
        Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.False, "the lead says its time is the time LeadOps first saw it");
        Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(lead.GetProperty("first_seen_at").GetDateTimeOffset()));
        Assert.That((await LeadAsync(api, processed[unix].GetProperty("lead_id").GetInt64())).GetProperty("created_time_known").GetBoolean(), Is.True);

        var again = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = TestRideForm, integration_id = integrationId, since = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an incremental sync of the same form works too");
    }

    [Test]
    public async Task An_empty_page_that_repeats_its_cursor_is_asked_once_more_and_the_rest_of_the_form_is_stored()
    {
        var (body, run) = await RetrieveServiceFormWithAsync(60, new FaultRule { Kind = FaultKind.EmptyPageRepeatingCursor, Times = 1 });

        Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1));
        Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(Graph.LeadCount(ServiceForm)), "every lead of the form");
        Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"));
    }

    [Test]
    public async Task A_cursor_that_keeps_repeating_on_empty_pages_ends_the_walk_with_a_warning_not_a_failed_run()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[2];
        Graph.AddLeads(form, 40, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, FormId = form, Kind = FaultKind.EmptyPageRepeatingCursor, Times = 100 });

        var body = await RetrievalApiTests.RetrieveAsync(api, form, integrationId);

        Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(25), "the first page was stored");
        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(run.GetProperty("warning").GetString(), Does.Contain("cursor"));
        Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(2), "the repeated cursor was asked once more, then taken as the end");
    }

    /// <summary>
    /// Graph's answer to a page that is too heavy to send: error 1 "Please reduce the amount of data you're asking for,
    /// then retry your request", as HTTP 500 (kept word for word by public Graph clients that page through edges:
    /// test doubles of Meta ad and page sync code that call it "Meta's real 'page too large' shape", and clients that
    /// shrink the page on it). Asking again with the same limit fails every time; a smaller page passes, so the whole
    /// form is stored and the run succeeds.
    /// </summary>
    [Test]
    public async Task A_page_graph_finds_too_heavy_is_asked_again_smaller_and_every_lead_of_the_form_is_stored()
    {
        var seen = Graph.Requests.Count;
        var (body, run) = await RetrieveServiceFormWithAsync(30, new FaultRule { Kind = FaultKind.TooMuchData, MaxPageSize = 10 });

        Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(Graph.LeadCount(ServiceForm)), "every lead of the form");
        Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"));
        var limits = Graph.Requests.Skip(seen).Where(r => r.Path.EndsWith($"/{ServiceForm}/leads", StringComparison.Ordinal))
            .Select(r => int.Parse(System.Web.HttpUtility.ParseQueryString(r.QueryString)["limit"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(limits.Count(l => l > 10), Is.LessThanOrEqualTo(4), "each refused size is asked once, not retried as it was");
    }

    [Test]
    public async Task Consent_check_boxes_are_requested_kept_and_shown_on_the_lead()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var id = Graph.SubmitLead(TestRideForm, new SandboxLead
        {
            Consents = new Dictionary<string, object> { ["optional_1"] = "1", ["optional_2"] = false, ["optional_3"] = "0" },
        });

        var body = await RetrievalApiTests.RetrieveAsync(api, TestRideForm, integrationId);

        var leadId = body.GetProperty("data").GetProperty("processed_leads").EnumerateArray()
            .Single(p => p.GetProperty("facebook_lead_id").GetString() == id).GetProperty("lead_id").GetInt64();
        var consents = (await LeadAsync(api, leadId)).GetProperty("consents").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("checked").GetBoolean());
        Assert.That(consents, Is.EqualTo(new Dictionary<string, bool> { ["optional_1"] = true, ["optional_2"] = false, ["optional_3"] = false }));
        var call = Graph.Requests.Last(r => r.Path.EndsWith($"/{TestRideForm}/leads", StringComparison.Ordinal));
        Assert.That(Uri.UnescapeDataString(call.QueryString), Does.Contain("custom_disclaimer_responses"));
    }

    [Test]
    public async Task Answers_show_with_their_questions_labels_and_options_texts_and_every_lead_field_is_kept()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var id = Graph.SubmitLead(TestRideForm, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = ["Ana Lima"],
                ["what_will_you_use_it_for?"] = ["commuting", "weekend_trips"],
                ["custom_question_not_on_the_form"] = [],
            },
            PartnerName = "Dealer One",
            RetailerItemId = "SKU-9",
            HomeListingId = "555000111",
            VehicleId = "777000222",
            PostId = "108240000000001_42",
        });

        var body = await RetrievalApiTests.RetrieveAsync(api, TestRideForm, integrationId);

        var leadId = body.GetProperty("data").GetProperty("processed_leads").EnumerateArray()
            .Single(p => p.GetProperty("facebook_lead_id").GetString() == id).GetProperty("lead_id").GetInt64();
        var lead = await LeadAsync(api, leadId);
        var answer = lead.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "what_will_you_use_it_for?");
        Assert.That(answer.GetProperty("question").GetString(), Is.EqualTo("What will you use it for?"));
        Assert.That(answer.GetProperty("labels").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "Commuting", "Weekend trips" }));
        Assert.That(answer.GetProperty("values").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "commuting", "weekend_trips" }), "kept as Meta sent them");
        Assert.That(lead.GetProperty("partner_name").GetString(), Is.EqualTo("Dealer One"));
        Assert.That(lead.GetProperty("retailer_item_id").GetString(), Is.EqualTo("SKU-9"));
        Assert.That(
            (lead.GetProperty("home_listing_id").GetString(), lead.GetProperty("vehicle_id").GetString(), lead.GetProperty("post_id").GetString()),
            Is.EqualTo(("555000111", "777000222", "108240000000001_42")), "the ids of the objects Graph names");
        Assert.That(lead.GetProperty("is_organic").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        using var browser = await App.SignedInClientAsync(_user!);
        var page = await browser.GetStringAsync($"/Leads/{leadId}");
        Assert.That(page, Does.Contain("What will you use it for?").And.Contain("Weekend trips").And.Contain("custom_question_not_on_the_form").And.Contain("(no answer)"));
    }

    [Test]
    public async Task Over_long_values_are_cut_with_a_mark_and_never_fail_the_page()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        var longName = new string('N', 400);
        var id = Graph.SubmitLead(TestRideForm, new SandboxLead
        {
            AdName = new string('A', 400),
            CampaignName = new string('C', 400),
            AdsetName = new string('S', 400),
            Platform = "instagram_stories_and_reels",
            PartnerName = new string('P', 400),
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = [longName],
                ["email"] = ["someone@example.com"],
                ["tell_us_more"] = [new string('x', 5000)],
            },
        });
        var companion = Graph.SubmitLead(TestRideForm, new SandboxLead());

        var body = await RetrievalApiTests.RetrieveAsync(api, TestRideForm, integrationId);

        var data = body.GetProperty("data");
        Assert.That(data.TryGetProperty("failed_leads", out _), Is.False, body.ToString());
        var processed = data.GetProperty("processed_leads").EnumerateArray().ToDictionary(p => p.GetProperty("facebook_lead_id").GetString()!, p => p);
        Assert.That(processed[companion].GetProperty("status").GetString(), Is.EqualTo("created"));
        var lead = await LeadAsync(api, processed[id].GetProperty("lead_id").GetInt64());
        foreach (var field in new[] { "name", "ad_name", "adset_name", "campaign_name", "partner_name" })
        {
            var value = lead.GetProperty(field).GetString()!;
            Assert.That(value, Has.Length.EqualTo(300).And.EndsWith("…"), field);
        }

        Assert.That(lead.GetProperty("platform").GetString(), Has.Length.EqualTo(20).And.EndsWith("…"));
        var answer = lead.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "tell_us_more");
        Assert.That(answer.GetProperty("values")[0].GetString(), Has.Length.EqualTo(2000).And.EndsWith("…"));
    }

    private TestUser? _user;

    /// <summary>A new user's retrieval of the service form, given <paramref name="leads"/> more leads and the fault on its leads edge: the answer and the run.</summary>
    private async Task<(JsonElement Body, JsonElement Run)> RetrieveServiceFormWithAsync(int leads, FaultRule fault)
    {
        var (api, integrationId) = await ConnectedUserAsync();
        Graph.AddLeads(ServiceForm, leads, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.SetFault(fault with { Route = FaultRoutes.Leads, FormId = ServiceForm });
        var body = await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId);
        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        return (body, run);
    }

    private async Task<(HttpClient Api, int IntegrationId)> ConnectedUserAsync()
    {
        var user = _user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        return (api, integration.GetProperty("id").GetInt32());
    }

    private static async Task<JsonElement> LeadAsync(HttpClient api, long id) => await api.GetFromJsonAsync<JsonElement>($"/api/leads/{id}");
}
