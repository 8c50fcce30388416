using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The Lead Ads variants the sandbox emits as Meta does, each controllable from its control API: leads without a
/// readable created_time, consent check boxes, questions with labels and option keys, has_lead_access, test leads, new
/// forms, and an empty page that repeats its cursor.
/// </summary>
public sealed class GraphSandboxLeadAdsVariantTests : SandboxFixture
{
    private const string Form = SandboxSeed.MainTestRideFormId;

    protected override SandboxOptions SandboxOptions() => new() { InitialLeadsPerForm = 0 };

    [Test]
    public async Task A_leads_created_time_can_be_left_out_unreadable_or_unix_seconds_as_the_control_api_asks()
    {
        var ids = new Dictionary<string, string>();
        foreach (var form in new[] { "missing", "unreadable", "unix", "iso" })
        {
            var created = await Http.Http.PostAsync($"_sandbox/forms/{Form}/custom-leads", SandboxClient.JsonContent(new { created_time_as = form, created_time = 1_800_000_000 }));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK), await created.Content.ReadAsStringAsync());
            ids[form] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids")[0].GetString()!;
        }

        var leads = (await Http.GetAsync($"{Form}/leads?fields=id,created_time")).Json.GetProperty("data").EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => l);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(leads[ids["missing"]].TryGetProperty("created_time", out _), Is.False);
            Assert.That(leads[ids["unreadable"]].GetProperty("created_time").GetString(), Is.EqualTo("sometime last week"));
            Assert.That(leads[ids["unix"]].GetProperty("created_time").GetInt64(), Is.EqualTo(1_800_000_000));
            Assert.That(leads[ids["iso"]].GetProperty("created_time").GetString(), Is.EqualTo("2027-01-15T08:00:00+0000"));
        }
    }

    [Test]
    public async Task Consent_check_boxes_come_as_custom_disclaimer_responses_with_is_checked_as_sent()
    {
        var id = Graph.SubmitLead(Form, new SandboxLead { Consents = new Dictionary<string, object> { ["optional_1"] = "1", ["optional_2"] = false } });
        var generated = Graph.SubmitLeads(Form, 1).Single();

        var lead = (await Http.GetAsync($"{id}?fields=id,custom_disclaimer_responses")).Json;
        var plain = (await Http.GetAsync($"{generated}?fields=custom_disclaimer_responses")).Json;

        var responses = lead.GetProperty("custom_disclaimer_responses").EnumerateArray().ToList();
        Assert.That(responses.Select(r => r.GetProperty("checkbox_key").GetString()), Is.EqualTo(new[] { "optional_1", "optional_2" }));
        Assert.That(responses[0].GetProperty("is_checked").GetString(), Is.EqualTo("1"));
        Assert.That(responses[1].GetProperty("is_checked").ValueKind, Is.EqualTo(JsonValueKind.False));
        Assert.That(plain.GetProperty("custom_disclaimer_responses")[0].GetProperty("is_checked").GetString(), Is.AnyOf("0", "1"), "the test-ride form's own check box, as Meta sends it");
    }

    [Test]
    public async Task A_forms_questions_carry_labels_and_options_whose_keys_are_what_leads_answer()
    {
        var form = (await Http.GetAsync($"{Form}?fields=questions")).Json;
        var bike = form.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "what_will_you_use_it_for?");
        var lead = (await Http.GetAsync($"{Graph.SubmitLeads(Form, 1).Single()}?fields=field_data")).Json;

        Assert.That(bike.GetProperty("label").GetString(), Is.EqualTo("What will you use it for?"));
        var options = bike.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("key").GetString()!, o => o.GetProperty("value").GetString());
        Assert.That(options["weekend_trips"], Is.EqualTo("Weekend trips"));
        var answer = lead.GetProperty("field_data").EnumerateArray().FirstOrDefault(f => f.GetProperty("name").GetString() == "what_will_you_use_it_for?");
        if (answer.ValueKind == JsonValueKind.Object)
        {
            Assert.That(answer.GetProperty("values").EnumerateArray().Select(v => v.GetString()), Is.SubsetOf(options.Keys));
        }
    }

    [Test]
    public async Task Has_lead_access_says_whether_the_app_may_read_leads_and_needs_leads_retrieval()
    {
        var granted = (await Http.GetAsync($"{SandboxSeed.MainPageId}?fields=has_lead_access")).Json.GetProperty("has_lead_access");
        await Http.Http.PostAsync($"_sandbox/pages/{SandboxSeed.MainPageId}/lead-access", SandboxClient.JsonContent(new { has_lead_access = false }));
        var refused = (await Http.GetAsync($"{SandboxSeed.MainPageId}?fields=has_lead_access")).Json.GetProperty("has_lead_access");
        var withoutScope = await Http.GetAsync($"{SandboxSeed.NoLeadsPermissionPageId}?fields=has_lead_access", SandboxSeed.NoLeadsPermissionPageToken);

        Assert.That(granted.GetProperty("can_access_lead").GetBoolean(), Is.True);
        Assert.That(refused.GetProperty("can_access_lead").GetBoolean(), Is.False);
        Assert.That(refused.GetProperty("enabled_lead_access_manager").GetBoolean(), Is.True);
        Assert.That(refused.GetProperty("failure_resolution").GetString(), Does.Contain("Leads Access"));
        Assert.That((withoutScope.Status, withoutScope.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, 200)));
    }

    [Test]
    public async Task A_form_holds_one_test_lead_at_a_time_which_can_be_listed_and_deleted()
    {
        var fieldData = JsonSerializer.Serialize(new[] { new { name = "full_name", values = new[] { "Test Lead" } } });
        var created = await Http.SendAsync(HttpMethod.Post, $"{Form}/test_leads?field_data={Uri.EscapeDataString(fieldData)}", SandboxSeed.MainPageToken, null);
        var again = await Http.SendAsync(HttpMethod.Post, $"{Form}/test_leads", SandboxSeed.MainPageToken, null);
        var id = created.Json.GetProperty("id").GetString()!;
        var listed = (await Http.GetAsync($"{Form}/test_leads?fields=id,is_organic,field_data")).Json.GetProperty("data");

        Assert.That(again.ErrorCode, Is.EqualTo(100), "one test lead per form");
        Assert.That(listed.EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(listed[0].GetProperty("is_organic").GetBoolean(), Is.True);
        Assert.That(listed[0].GetProperty("field_data")[0].GetProperty("values")[0].GetString(), Is.EqualTo("Test Lead"));
        Assert.That(Graph.TestLeadOf(Form), Is.EqualTo(id));

        var deleted = await Http.SendAsync(HttpMethod.Delete, id, SandboxSeed.MainPageToken, null);
        var gone = await Http.GetAsync(id);
        var notATestLead = await Http.SendAsync(HttpMethod.Delete, Graph.SubmitLeads(Form, 1).Single(), SandboxSeed.MainPageToken, null);

        Assert.That(deleted.Json.GetProperty("success").GetBoolean(), Is.True);
        Assert.That(gone.ErrorCode, Is.EqualTo(100));
        Assert.That(notATestLead.ErrorCode, Is.EqualTo(100), "only test leads can be deleted");
        Assert.That(Graph.TestLeadOf(Form), Is.Null);
    }

    [Test]
    public async Task A_forms_test_leads_are_paged_as_every_edge_of_leads_with_limit_capped_the_same()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Graph.SubmitLead(Form, new SandboxLead { IsTestLead = true })).ToList();
        Graph.SubmitLeads(Form, 3);

        var first = await Http.GetAsync($"{Form}/test_leads?fields=id&limit=2");
        var (walked, calls) = await WalkAsync(Http, $"{Form}/test_leads?fields=id&limit=2");
        var capped = await Http.GetAsync($"{Form}/test_leads?fields=id&limit=1000");
        var badLimit = await Http.GetAsync($"{Form}/test_leads?limit=0");

        Assert.That(first.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(2), "limit is honoured");
        Assert.That(first.Json.GetProperty("data")[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id" }), "only the fields asked for");
        Assert.That(walked, Is.EqualTo(Enumerable.Reverse(ids).ToList()), "newest first, every test lead once, no other lead");
        Assert.That(calls, Is.EqualTo(3), "followed by paging.next, two at a time");
        Assert.That(capped.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(5));
        Assert.That(badLimit.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task A_form_created_while_the_sandbox_runs_is_listed_and_takes_leads()
    {
        var response = await Http.Http.PostAsync($"_sandbox/pages/{SandboxSeed.MainPageId}/forms", SandboxClient.JsonContent(new { name = "Winter promo" }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Graph.SubmitLeads(id, 2);

        var forms = (await Http.GetAsync("me/leadgen_forms?fields=id,name,leads_count")).Json.GetProperty("data").EnumerateArray();

        Assert.That(forms.Single(f => f.GetProperty("id").GetString() == id).GetProperty("leads_count").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_form_with_a_conditional_question_lists_its_follow_up_by_field_key_and_name_and_leads_answer_both()
    {
        var response = await Http.Http.PostAsync($"_sandbox/pages/{SandboxSeed.MainPageId}/forms", SandboxClient.JsonContent(new { name = "Dealer visit", conditional_questions = true }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var lead = (await Http.GetAsync($"{Graph.SubmitLeads(id, 1).Single()}?fields=field_data")).Json;

        var questions = (await Http.GetAsync($"{id}?fields=questions")).Json.GetProperty("questions").EnumerateArray().ToList();
        var region = questions.Single(q => q.TryGetProperty("conditional_questions_group_id", out _));
        var followUp = region.GetProperty("dependent_conditional_questions").EnumerateArray().Single();
        var choices = region.GetProperty("conditional_questions_choices").EnumerateArray()
            .ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("next_question_choices").EnumerateArray().Select(n => n.GetProperty("value").GetString()!).ToList());
        var answers = lead.GetProperty("field_data").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("values")[0].GetString()!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(followUp.EnumerateObject().Select(p => p.Name), Does.Not.Contain("key").And.Not.Contain("label"), "no key or label on a follow-up");
            Assert.That(followUp.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "field_key", "name", "input_type" }), "as the business SDKs list it");
            Assert.That(region.TryGetProperty("options", out _), Is.False, "its choices are conditional_questions_choices");
            Assert.That(questions.Where(q => !q.TryGetProperty("conditional_questions_group_id", out _)).Any(q => q.TryGetProperty("dependent_conditional_questions", out _)), Is.False);
            Assert.That(choices.Keys, Does.Contain(answers[region.GetProperty("key").GetString()!]), "answered with a choice's value");
            Assert.That(choices[answers[region.GetProperty("key").GetString()!]], Does.Contain(answers[followUp.GetProperty("field_key").GetString()!]), "and the follow-up with one of that choice's next");
        }
    }

    [Test]
    public async Task A_form_whose_conditional_questions_is_not_true_or_false_is_refused_with_a_400_and_none_is_made()
    {
        var before = (await Http.GetAsync("me/leadgen_forms?fields=id")).Json.GetProperty("data").GetArrayLength();

        var response = await Http.Http.PostAsync($"_sandbox/pages/{SandboxSeed.MainPageId}/forms", SandboxClient.JsonContent(new { name = "Dealer visit", conditional_questions = "true" }));

        var after = (await Http.GetAsync("me/leadgen_forms?fields=id")).Json.GetProperty("data").GetArrayLength();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("conditional_questions must be true or false"));
            Assert.That(after, Is.EqualTo(before), "no form made");
        }
    }

    [Test]
    public async Task An_empty_page_that_repeats_its_cursor_gives_the_rest_when_asked_again()
    {
        Graph.AddLeads(Form, 30);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.EmptyPageRepeatingCursor, Times = 1 });
        var first = (await Http.GetAsync($"{Form}/leads?fields=id")).Json;
        var cursor = first.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString()!;

        var empty = (await Http.GetAsync($"{Form}/leads?fields=id&after={Uri.EscapeDataString(cursor)}")).Json;
        var rest = (await Http.GetAsync($"{Form}/leads?fields=id&after={Uri.EscapeDataString(cursor)}")).Json;

        Assert.That(empty.GetProperty("data").GetArrayLength(), Is.Zero);
        Assert.That(empty.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString(), Is.EqualTo(cursor));
        Assert.That(empty.GetProperty("paging").GetProperty("next").GetString(), Does.Contain("after="));
        Assert.That(rest.GetProperty("data").GetArrayLength(), Is.EqualTo(5));
    }

    /// <summary>
    /// <c>FaultKind.TrailingCommas</c>: a lead and a leads page answered with a comma after the last item of each list, as "Retrieving
    /// Leads" prints its bulk read; strict JSON refuses it, and read past the commas it is the same answer.
    /// </summary>
    [Test]
    public async Task Leads_can_be_answered_with_a_comma_after_each_lists_last_item()
    {
        var id = Graph.SubmitLead(Form, new SandboxLead { Answers = new Dictionary<string, IReadOnlyList<string>> { ["full_name"] = ["Joe Example"], ["email"] = ["joe@example.com"] } });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, FormId = Form, Kind = FaultKind.TrailingCommas });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, FormId = Form, Kind = FaultKind.TrailingCommas });

        var page = await Http.Http.GetStringAsync($"{SandboxClient.Version}/{Form}/leads?fields=id,field_data&access_token={SandboxSeed.MainPageToken}");
        var lead = await Http.Http.GetStringAsync($"{SandboxClient.Version}/{id}?fields=id,field_data&access_token={SandboxSeed.MainPageToken}");

        var lenient = new JsonDocumentOptions { AllowTrailingCommas = true };
        using var read = JsonDocument.Parse(lead, lenient);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("\"joe@example.com\",]},]"), "the values and the answers end with a comma");
            Assert.That(page, Does.EndWith(",]}").Or.Contain("},],\"paging\""), "so does the page's data");
            Assert.That(() => JsonDocument.Parse(page), Throws.InstanceOf<JsonException>(), "not strict JSON");
            Assert.That(JsonDocument.Parse(page, lenient).RootElement.GetProperty("data")[0].GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(read.RootElement.GetProperty("field_data").EnumerateArray().Select(f => f.GetProperty("values")[0].GetString()), Is.EqualTo(new[] { "Joe Example", "joe@example.com" }));
        }
    }
}
