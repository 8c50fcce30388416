using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Meta's business SDKs (facebook-python-business-sdk <c>adobjects/leadgenquestion.py</c>,
/// <c>leadgenconditionalquestionsgroupquestions.py</c>, <c>leadgenconditionalquestionsgroupchoices.py</c>; the PHP and Node
/// SDKs list the same fields): a form's conditional question carries <c>conditional_questions_group_id</c>, its choices in
/// <c>conditional_questions_choices</c> (<c>value</c>, <c>next_question_choices</c>) rather than <c>options</c>, and its
/// follow-up questions in <c>dependent_conditional_questions</c> as <c>{"field_key","input_type","name"}</c>, with no
/// <c>key</c> or <c>label</c>. That a lead answers the follow-up under its <c>field_key</c> is what the SDKs' types suggest
/// (unverified); the sandbox's leads do. Over the sandbox, which lists such a form: the lead is stored once by a retrieval,
/// and both answers read with their questions' words, in the API and in the CSV export.
/// </summary>
public sealed class BusinessSdkConditionalQuestionsTests(DatabaseKind database) : AppFixture(database)
{
    private const string Region = "which_region_are_you_in?";
    private const string Dealer = "which_dealer_would_you_like_to_visit?";

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task The_follow_up_of_a_conditional_question_is_labelled_with_its_name_and_the_lead_is_stored_once()
    {
        var form = Graph.AddForm(SandboxSeed.NotSubscribedPageId, "Dealer visit", conditionalQuestions: true);
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var leadId = Graph.SubmitLead(form, new SandboxLead
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["full_name"] = ["Inês Prata"], ["email"] = ["ines@example.test"], [Region] = ["North"], [Dealer] = ["Braga Centro"],
            },
        });

        var first = await RetrievalApiTests.RetrieveAsync(api, form, integrationId);
        var again = await RetrievalApiTests.RetrieveAsync(api, form, integrationId);

        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={form}")).GetProperty("leads").EnumerateArray().ToList();
        Assert.That(listed.Select(l => l.GetProperty("facebook_lead_id").GetString()), Is.EqualTo(new[] { leadId }), "stored once");
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{listed[0].GetProperty("id").GetInt64()}");
        using var export = await api.GetAsync($"/api/leads/export?form_id={form}");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(StatusOf(first), Is.EqualTo("created"));
            Assert.That(StatusOf(again), Is.EqualTo("existing"));
            Assert.That(lead.GetProperty("answers").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("question").GetString(),
                string.Join("|", a.GetProperty("labels").EnumerateArray().Select(v => v.GetString())))), Is.EqualTo(new[]
            {
                ("full_name", "Full name", "Inês Prata"), ("email", "Email", "ines@example.test"),
                (Region, "Which region are you in?", "North"), (Dealer, "Which dealer would you like to visit?", "Braga Centro"),
            }), "the follow-up question by its name, as the form lists it");
            Assert.That(csv[0], Does.Contain("Which region are you in?,Which dealer would you like to visit?"), "a column of its own, headed by its name");
            Assert.That(csv[1], Does.Contain("North,Braga Centro"));
            Assert.That(csv[1].Split(',')[Array.IndexOf(csv[0].Split(','), "other_answers")], Is.Empty, "the follow-up's answer is in its column, not among the other answers");
        });
    }

    private static string StatusOf(JsonElement run) =>
        run.GetProperty("data").GetProperty("processed_leads").EnumerateArray().Single().GetProperty("status").GetString()!;
}
