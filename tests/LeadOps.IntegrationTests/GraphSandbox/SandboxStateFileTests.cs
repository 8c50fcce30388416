using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary><see cref="SandboxOptions.StateFile"/> (ADR 0026): what the sandbox keeps across a restart, and what it refuses.</summary>
public sealed class SandboxStateFileTests
{
    private const string Psid = "7300000000000099";

    [Test]
    public async Task A_half_written_temporary_file_left_by_a_killed_write_is_ignored_the_last_complete_file_is_used_and_the_next_write_replaces_it()
    {
        var file = StateFileOnDisk.NewPath();
        await using (var first = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file }))
        {
            first.State.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Hello");
        }

        // A write is made in {file}.tmp, then moved over the file: a kill in the middle leaves half a .tmp beside a whole file.
        var complete = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file + ".tmp", complete[..(complete.Length / 2)]);
        IEnumerable<string> customers;
        await using (var again = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file }))
        {
            customers = again.State.GetSummary().Pages.Single(p => p.Id == SandboxSeed.MainPageId).Customers.Select(c => c.Psid).ToList();
            again.State.CustomerSendsMessage(SandboxSeed.MainPageId, "7300000000000098", "Me too");
        }

        Assert.Multiple(() =>
        {
            Assert.That(customers, Does.Contain(Psid), "the last complete file was read");
            Assert.That(File.Exists(file + ".tmp"), Is.False, "the next write replaced the half file");
            Assert.That(File.ReadAllText(file), Does.Contain("7300000000000098"), "and moved it over the file");
        });
    }

    [Test]
    public async Task Started_again_on_its_state_file_the_sandbox_has_the_same_pages_forms_leads_customers_and_tokens_and_goes_on_with_its_ids()
    {
        var file = StateFileOnDisk.NewPath();
        string firstMid, chosen;
        SandboxSummary before;
        await using (var first = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 3 }))
        {
            var state = first.State;
            firstMid = state.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Hello");
            var form = state.AddForm(SandboxSeed.NotSubscribedPageId, "Spring classes");
            state.SubmitLeads(form, 1);
            chosen = state.SubmitLead(SandboxSeed.MainTestRideFormId, new SandboxLead { Answers = new Dictionary<string, IReadOnlyList<string>> { ["email"] = ["ana@example.com"] } });
            state.SetSubscribed(SandboxSeed.MainPageId, false);
            state.SetSubscribed(SandboxSeed.NotSubscribedPageId, true);
            state.SetTokenExpired(SandboxSeed.ExpiringTokenPageId);
            before = state.GetSummary();
        }

        await using var again = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 3 });
        var after = again.State.GetSummary();
        var nextMid = again.State.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Still there?");
        var nextLead = again.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(after.Pages), Is.EqualTo(JsonSerializer.Serialize(before.Pages)), "pages, tokens, subscriptions, forms with their lead counts, customers");
            Assert.That(nextMid, Is.Not.EqualTo(firstMid), "message ids go on");
            Assert.That(long.Parse(nextLead, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(long.Parse(chosen, System.Globalization.CultureInfo.InvariantCulture)), "lead ids go on");
        });
    }

    [Test]
    public async Task Without_a_state_file_it_starts_from_the_seed_and_a_file_of_another_seed_is_refused_with_its_name()
    {
        var file = StateFileOnDisk.NewPath();
        await using (var first = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file }))
        {
            first.State.CustomerSendsMessage(SandboxSeed.MainPageId, Psid, "Hello");
        }

        await using (var fresh = await GraphSandboxServer.StartAsync(new SandboxOptions()))
        {
            Assert.That(fresh.State.GetConversation(SandboxSeed.MainPageId, Psid), Is.Empty);
        }

        Assert.That(async () => await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, Seed = 7 }),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains(file).And.Message.Contains("delete it"));
    }

    /// <summary>The file keeps leads by sequence: started with another lead id base, every saved lead would change its id.</summary>
    [Test]
    public async Task A_file_saved_with_another_lead_id_base_is_refused_and_one_saved_with_the_same_base_keeps_the_lead_ids()
    {
        var file = StateFileOnDisk.NewPath();
        const long idBase = 1_234_567_890_123_456_000;
        string leadId;
        await using (var first = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0, LeadIdBase = idBase }))
        {
            leadId = first.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        }

        Assert.That(async () => await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0 }),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("lead id base").And.Message.Contains(file));
        await using var again = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0, LeadIdBase = idBase });
        var next = again.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        Assert.Multiple(() =>
        {
            Assert.That(leadId, Is.EqualTo((idBase + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(again.State.LeadCount(SandboxSeed.MainTestRideFormId), Is.EqualTo(2), "the saved lead is back");
            Assert.That(next, Is.EqualTo((idBase + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)), "ids go on from the same base");
        });
    }

    /// <summary>A form created with a conditional question keeps its questions, and its leads their answers, across a restart.</summary>
    [Test]
    public async Task A_form_with_conditional_questions_comes_back_with_its_questions_and_its_lead_regenerated_the_same()
    {
        var file = StateFileOnDisk.NewPath();
        string form, lead, questionsBefore, leadBefore;
        await using (var first = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0 }))
        {
            form = first.State.AddForm(SandboxSeed.MainPageId, "Dealer visit", conditionalQuestions: true);
            lead = first.State.SubmitLeads(form, 1).Single();
            using var client = new SandboxClient(first.BaseAddress);
            questionsBefore = (await client.GetAsync($"{form}?fields=questions")).Json.GetRawText();
            leadBefore = (await client.GetAsync($"{lead}?fields=id,created_time,field_data,form_id")).Json.GetRawText();
        }

        await using var again = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0 });
        using var http = new SandboxClient(again.BaseAddress);
        var questionsAfter = (await http.GetAsync($"{form}?fields=questions")).Json.GetRawText();
        var leadAfter = (await http.GetAsync($"{lead}?fields=id,created_time,field_data,form_id")).Json.GetRawText();

        Assert.Multiple(() =>
        {
            Assert.That(questionsBefore, Does.Contain("dependent_conditional_questions"), "the form was made with a conditional question");
            Assert.That(questionsAfter, Is.EqualTo(questionsBefore), "the same questions after the restart");
            Assert.That(leadAfter, Is.EqualTo(leadBefore), "the lead regenerated with the same answers");
        });
    }

    /// <summary>A file written before forms had a kind (no <c>kind</c>) holds ordinary forms; a kind the sandbox does not know is refused.</summary>
    [Test]
    public async Task A_form_saved_without_a_kind_loads_as_the_ordinary_form_and_one_of_an_unknown_kind_is_refused_with_the_files_name()
    {
        var file = StateFileOnDisk.NewPath();
        string plain;
        await using (var first = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0 }))
        {
            plain = first.State.AddForm(SandboxSeed.MainPageId, "Spring classes");
            first.State.AddForm(SandboxSeed.MainPageId, "Dealer visit", conditionalQuestions: true);
        }

        var saved = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var forms = saved["forms"]!.AsArray();
        Assert.That(forms.Select(f => (string?)f!["kind"]), Is.EqualTo(new[] { "test_ride", "dealer_visit" }));
        forms[0]!.AsObject().Remove("kind");
        forms.RemoveAt(1);
        await File.WriteAllTextAsync(file, saved.ToJsonString());
        await using (var again = await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0 }))
        {
            using var http = new SandboxClient(again.BaseAddress);
            var keys = (await http.GetAsync($"{plain}?fields=questions")).Json.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString());
            var ordinary = (await http.GetAsync($"{SandboxSeed.MainTestRideFormId}?fields=questions")).Json.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString());
            Assert.That(keys, Is.EqualTo(ordinary).And.Not.Empty, "the test-ride form's questions");
        }

        saved = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        saved["forms"]![0]!["kind"] = "car_dealer_of_the_future";
        await File.WriteAllTextAsync(file, saved.ToJsonString());
        Assert.That(async () => await GraphSandboxServer.StartAsync(new SandboxOptions { StateFile = file, InitialLeadsPerForm = 0 }),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains(file).And.Message.Contains("car_dealer_of_the_future"));
    }
}
