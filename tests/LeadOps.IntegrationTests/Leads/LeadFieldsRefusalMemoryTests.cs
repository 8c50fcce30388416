using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// While Graph refuses a vertical lead field for a page, the page's later lead reads start without it
/// (<see cref="GraphLeadFieldsMemory"/>): a webhook lead costs one lead call, not a refused one, a second one and a warning.
/// A further refusal narrows further; another page still asks every field; once <c>Facebook:RefusedLeadFieldsMemory</c> is
/// up (on the fake clock) every field is asked again. A form's walk starts from and adds to the same memory.
/// </summary>
public sealed class LeadFieldsRefusalMemoryTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(2);
    private static readonly string OtherPageForm = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[0];

    /// <summary>The walk's page: one no other test of the class connects, as every owner of a page gets its webhook leads.</summary>
    private static readonly string WalkedForm = SandboxSeed.ExpiringTokenFormId;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly FakeLogCollector _logs = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock)
        .WithSetting("Facebook:RefusedLeadFieldsMemory", Memory.ToString())
        .WithServices(s =>
        {
            s.AddSingleton(_logs);
            s.AddSingleton(typeof(ILogger<>), typeof(FakeLogger<>));
        });

    [SetUp]
    public void ForgetRefusals() => App.Services.GetRequiredService<GraphLeadFieldsMemory>().Clear();

    [TearDown]
    public void AnswerEveryFieldAgain()
    {
        Graph.Options.LeadFieldsUnknown.Clear();
        Graph.Options.LeadFieldsWithoutCapability.Remove("home_listing");
    }

    [Test]
    public async Task A_pages_refused_lead_field_is_left_out_of_its_next_webhook_reads_not_another_pages_and_only_for_a_while()
    {
        using var api = App.ApiClient(await App.NewUserAsync());
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        Graph.Options.LeadFieldsUnknown.Add("vehicle");

        var first = await WebhookLeadAsync(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        var second = await WebhookLeadAsync(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        var otherPage = await WebhookLeadAsync(SandboxSeed.NotSubscribedPageId, OtherPageForm);
        Graph.Options.LeadFieldsUnknown.Add("post");
        var furtherRefused = await WebhookLeadAsync(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        var afterFurther = await WebhookLeadAsync(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        _clock.Advance(Memory + TimeSpan.FromMinutes(1));
        var afterExpiry = await WebhookLeadAsync(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);

        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/leads?source=webhook")).GetProperty("leads").GetArrayLength();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Is.EqualTo(6), "every lead is stored");
            Assert.That(LeadReads(first), Is.EqualTo(new[] { GraphLeadMapper.Fields, Without("vehicle") }), "refused, then read without the field");
            Assert.That(LeadReads(second), Is.EqualTo(new[] { Without("vehicle") }), "the page's next lead: one call, without the refused field");
            Assert.That(LeadReads(otherPage), Is.EqualTo(new[] { GraphLeadMapper.Fields, Without("vehicle") }), "another page still asks every field");
            Assert.That(LeadReads(furtherRefused), Is.EqualTo(new[] { Without("vehicle"), Without("vehicle", "post") }), "a refusal of the narrowed set narrows further");
            Assert.That(LeadReads(afterFurther), Is.EqualTo(new[] { Without("vehicle", "post") }));
            Assert.That(LeadReads(afterExpiry)[0], Is.EqualTo(GraphLeadMapper.Fields), "once the memory is up, every field is asked again");
            Assert.That(Narrowings(first), Is.EqualTo(1), "the narrowing is logged once");
            Assert.That(Narrowings(second) + Narrowings(afterFurther), Is.Zero, "not again for each lead read without the field");
            Assert.That(Narrowings(otherPage), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_forms_walk_refused_for_lead_fields_leaves_them_out_of_the_pages_next_walk_and_webhook_reads()
    {
        using var api = App.ApiClient(await App.NewUserAsync());
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.ExpiringTokenPageToken)).GetProperty("id").GetInt32();
        Graph.AddLeads(WalkedForm, 30, _clock.GetUtcNow().AddDays(-3), _clock.GetUtcNow().AddDays(-2));
        Graph.Options.LeadFieldsWithoutCapability.Add("home_listing");

        var seen = Graph.Requests.Count;
        await RetrievalApiTests.RetrieveAsync(api, WalkedForm, integrationId);
        var firstWalk = LeadsPageReads(seen);
        seen = Graph.Requests.Count;
        await RetrievalApiTests.RetrieveAsync(api, WalkedForm, integrationId);
        var secondWalk = LeadsPageReads(seen);
        var webhookLead = await WebhookLeadAsync(SandboxSeed.ExpiringTokenPageId, WalkedForm);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstWalk[0], Is.EqualTo(GraphLeadMapper.Fields), "the first walk asks every field");
            Assert.That(firstWalk.Skip(1), Is.Not.Empty.And.All.EqualTo(GraphLeadMapper.GuideFields), "(#3) names no field: every vertical field is left out");
            Assert.That(secondWalk, Is.Not.Empty.And.All.EqualTo(GraphLeadMapper.GuideFields), "the next walk starts without them: no refused call");
            Assert.That(LeadReads(webhookLead), Is.EqualTo(new[] { GraphLeadMapper.GuideFields }), "so does the page's next webhook read");
        }
    }

    /// <summary>A lead of <paramref name="formId"/> whose own webhook is dropped, then announced by a signed delivery the test posts and the app works off.</summary>
    private async Task<string> WebhookLeadAsync(string pageId, string formId)
    {
        Graph.Options.WebhookDropRate = 1;
        var leadId = Graph.SubmitLeads(formId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        await LeadgenDeliveries.PostAsync(App, LeadgenDeliveries.Body([(pageId, formId, leadId)]));
        return leadId;
    }

    /// <summary>The <c>fields</c> of each read of the lead node, in order.</summary>
    private string[] LeadReads(string leadId) =>
        [.. Graph.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/" + leadId, StringComparison.Ordinal)).Select(FieldsOf)];

    private string[] LeadsPageReads(int after) =>
        [.. Graph.Requests.Skip(after).Where(r => r.Method == "GET" && r.Path.EndsWith($"/{WalkedForm}/leads", StringComparison.Ordinal)).Select(FieldsOf)];

    private static string FieldsOf(RecordedRequest request) => QueryHelpers.ParseQuery(request.QueryString)["fields"].ToString();

    private static string Without(params string[] fields) =>
        string.Join(',', GraphLeadMapper.Fields.Split(',').Where(f => !fields.Contains(f)));

    private int Narrowings(string leadId) =>
        _logs.GetSnapshot().Count(l => l.Id.Name == "GraphLeadFieldsNarrowed" && l.Message.Contains("lead " + leadId, StringComparison.Ordinal));
}
