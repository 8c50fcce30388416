using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Lossless by default (ADR 0010): every active form of an enabled integration is synced on a schedule without anyone
/// switching it on, every 5 minutes from its watermark minus the overlap, every minute while the page's webhook needs
/// cover, at once when Meta's count grows past what LeadOps holds; new forms join by themselves. The tests drive the
/// scheduler's passes on the app's fake clock (the timer is off).
/// </summary>
public sealed class DefaultScheduleTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [Test]
    public async Task Every_active_form_is_synced_by_default_without_anyone_switching_it_on()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        var forms = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId);
        Graph.AddLeads(forms[0], 4, _clock.GetUtcNow().AddDays(-2), _clock.GetUtcNow().AddDays(-1));

        await PassAsync();

        var runs = await RunsAsync(api);
        Assert.That(runs.Select(r => r.GetProperty("form_id").GetString()), Is.EquivalentTo(new[] { forms[0], forms[1] }), "the two active forms, not the archived one");
        Assert.That(runs.Select(r => r.GetProperty("trigger").GetString()), Has.All.EqualTo("scheduled"));
        var leads = await api.GetFromJsonAsync<JsonElement>("/api/leads?source=scheduled_retrieval&page_size=200");
        Assert.That(leads.GetProperty("leads").GetArrayLength(), Is.EqualTo(Graph.LeadCount(forms[0]) + Graph.LeadCount(forms[1])));
    }

    [Test]
    public async Task A_subscribed_page_is_synced_every_five_minutes_from_the_watermark_minus_the_overlap()
    {
        var (user, api) = await ConnectedAsync(SandboxSeed.MainPageToken);
        var form = SandboxSeed.MainTestRideFormId;
        await PassAsync();
        var first = (await RunsAsync(api, form)).Count;
        Assert.That(first, Is.EqualTo(1), "a new form is walked at once");
        var watermark = await WatermarkAsync(user, form);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await PassAsync();
        Assert.That(await RunsAsync(api, form), Has.Count.EqualTo(first), "not due before five minutes");

        _clock.Advance(TimeSpan.FromMinutes(3));
        await PassAsync();
        var runs = await RunsAsync(api, form);
        Assert.That(runs, Has.Count.EqualTo(first + 1));
        Assert.That(runs[0].GetProperty("since").GetDateTimeOffset(), Is.EqualTo(watermark!.Value - TimeSpan.FromMinutes(10)).Within(TimeSpan.FromSeconds(1)),
            "incremental, from the watermark the first walk left minus the overlap");
    }

    [Test]
    public async Task A_page_whose_leadgen_subscription_is_missing_is_synced_every_minute_and_says_so()
    {
        var (_, api) = await ConnectedAsync(SandboxSeed.NotSubscribedPageToken);
        var form = SandboxSeed.NotSubscribedFormId;
        await PassAsync();
        var before = (await RunsAsync(api, form)).Count;

        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();

        Assert.That(await RunsAsync(api, form), Has.Count.EqualTo(before + 1));
        var integration = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0];
        Assert.That(integration.GetProperty("leadgen_subscribed").GetBoolean(), Is.False);
        Assert.That(integration.GetProperty("subscription_note").GetString(), Does.Contain("every minute"));
    }

    [Test]
    public async Task A_lead_no_webhook_announces_is_stored_within_two_minutes_and_its_page_is_then_synced_every_minute()
    {
        var (user, api) = await ConnectedAsync(SandboxSeed.ExpiringTokenPageToken);
        var form = SandboxSeed.ExpiringTokenFormId;
        await PassAsync();
        var callback = Graph.WebhookCallbackUrl;
        Graph.WebhookCallbackUrl = null;
        try
        {
            var submitted = _clock.GetUtcNow();
            var id = Graph.SubmitLeads(form, 1).Single();
            DateTimeOffset? storedAt = null;
            for (var step = 0; step < 12 && storedAt is null; step++)
            {
                _clock.Advance(TimeSpan.FromSeconds(15));
                await PassAsync();
                storedAt = await FirstSeenAsync(user, id);
            }

            Assert.That(storedAt, Is.Not.Null.And.LessThanOrEqualTo(submitted + TimeSpan.FromMinutes(2)), "found by the minute's count probe, within two minutes");
            var before = (await RunsAsync(api, form)).Count;
            _clock.Advance(TimeSpan.FromMinutes(1));
            await PassAsync();
            Assert.That(await RunsAsync(api, form), Has.Count.EqualTo(before + 1), "the webhook missed a lead: every minute for the next hour");
        }
        finally
        {
            Graph.WebhookCallbackUrl = callback;
        }
    }

    /// <summary>
    /// A form the page's <c>leadgen_forms</c> lists as <c>ARCHIVED</c> (Meta's statuses: ACTIVE, ARCHIVED, DELETED, DRAFT)
    /// whose <c>leads_count</c> holds a lead LeadOps never got (submitted before the form was archived, its webhook lost):
    /// the count probe asks for a sync and the schedule walks the form for it, although it does not sync archived forms
    /// otherwise; once LeadOps holds the lead, the form is left alone again.
    /// </summary>
    [Test]
    public async Task A_lead_counted_on_an_archived_form_that_no_webhook_brought_is_fetched_by_the_schedule()
    {
        var archived = Graph.AddForm(SandboxSeed.MainPageId, "Summer promo", "ARCHIVED"); // a form of its own: the sandbox is the fixture's
        var (user, api) = await ConnectedAsync(SandboxSeed.MainPageToken);
        await PassAsync();
        Graph.AddLeads(archived, 1, _clock.GetUtcNow().AddHours(-2), _clock.GetUtcNow().AddHours(-1));

        for (var step = 0; step < 4; step++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await PassAsync();
        }

        var runs = (await RunsAsync(api, archived)).Count;
        Assert.That(await LeadCountAsync(user, archived), Is.EqualTo(1), "the counted lead is stored");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await PassAsync();
        Assert.That(await RunsAsync(api, archived), Has.Count.EqualTo(runs), "nothing left to fetch: the archived form is not synced again");
    }

    /// <summary>
    /// A form the page deleted is never walked by the schedule, whatever its count says (as retrieving a page's forms skips
    /// it): its leads cannot be read, and a walk that fails every minute would only fill the run list.
    /// </summary>
    [Test]
    public async Task A_deleted_form_is_not_walked_by_the_schedule_whatever_its_count()
    {
        var deleted = Graph.AddForm(SandboxSeed.MainPageId, "Old promo", "DELETED");
        var archived = Graph.AddForm(SandboxSeed.MainPageId, "Spring promo", "ARCHIVED"); // walked for its count: the schedule ran
        var (_, api) = await ConnectedAsync(SandboxSeed.MainPageToken);
        await PassAsync();
        Graph.AddLeads(deleted, 2, _clock.GetUtcNow().AddHours(-2), _clock.GetUtcNow().AddHours(-1));
        Graph.AddLeads(archived, 1, _clock.GetUtcNow().AddHours(-2), _clock.GetUtcNow().AddHours(-1));

        for (var step = 0; step < 4; step++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await PassAsync();
        }

        Assert.That(await RunsAsync(api, archived), Is.Not.Empty, "the schedule probed the counts and walked the archived form");
        Assert.That(await RunsAsync(api, deleted), Is.Empty);
    }

    [Test]
    public async Task A_new_form_on_the_page_is_picked_up_and_synced_without_anyone_pressing_a_button()
    {
        var (_, api) = await ConnectedAsync(SandboxSeed.MainPageToken);
        await PassAsync();
        var newForm = Graph.AddForm(SandboxSeed.MainPageId, "Winter promo");
        Graph.AddLeads(newForm, 3, _clock.GetUtcNow().AddDays(-3), _clock.GetUtcNow().AddDays(-2));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();

        var runs = await RunsAsync(api, newForm);
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That(runs[0].GetProperty("new_leads").GetInt32(), Is.EqualTo(3));
    }

    /// <summary>
    /// A form <c>leadgen_forms</c> lists without <c>status</c> (Graph leaves out a field it has no value for; LeadOps always
    /// asks for it) is not known to be archived, deleted or a draft: it may still get leads, so it is synced as an active one.
    /// </summary>
    [Test]
    public async Task A_form_listed_without_a_status_is_synced_as_an_active_one()
    {
        var (_, api) = await ConnectedAsync(SandboxSeed.MainPageToken);
        await PassAsync();
        var withoutStatus = Graph.AddForm(SandboxSeed.MainPageId, "Autumn promo", status: null);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();

        Assert.That(await RunsAsync(api, withoutStatus), Has.Count.EqualTo(1), "a new form is walked at once, as an active one is");
        _clock.Advance(TimeSpan.FromMinutes(5));
        Graph.AddLeads(withoutStatus, 2, _clock.GetUtcNow().AddMinutes(-2), _clock.GetUtcNow().AddMinutes(-1));
        await PassAsync();
        var runs = await RunsAsync(api, withoutStatus);
        Assert.That(runs.Sum(r => r.GetProperty("new_leads").GetInt32()), Is.EqualTo(2), "its leads are fetched on the schedule");
    }

    [Test]
    public async Task A_test_lead_on_a_page_without_webhooks_arrives_by_sync_and_the_form_says_so()
    {
        var (_, api) = await ConnectedAsync(SandboxSeed.NotSubscribedPageToken);
        var integrationId = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        var form = SandboxSeed.NotSubscribedFormId;
        await PassAsync();

        var sent = await api.PostAsync($"/api/integrations/{integrationId}/forms/{form}/test-lead", null);
        Assert.That(sent.IsSuccessStatusCode, Is.True, await sent.Content.ReadAsStringAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();

        var shown = (await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}")).GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("id").GetString() == form);
        Assert.That(shown.GetProperty("test_lead_id").GetString(), Is.EqualTo(Graph.TestLeadOf(form)));
        Assert.That(shown.GetProperty("test_lead_arrived_by").GetString(), Is.EqualTo("scheduled_retrieval"));
    }

    private Task<int> PassAsync() => App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

    private async Task<(TestUser User, HttpClient Api)> ConnectedAsync(string token)
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, token);
        return (user, api);
    }

    private static async Task<List<JsonElement>> RunsAsync(HttpClient api, string? formId = null) =>
        [.. (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").EnumerateArray()
            .Where(r => formId is null || r.GetProperty("form_id").GetString() == formId)];

    private async Task<DateTimeOffset?> WatermarkAsync(TestUser user, string formId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).IntegrationForms.Where(f => f.FormId == formId).Select(f => f.Watermark).SingleAsync();
    }

    private async Task<int> LeadCountAsync(TestUser user, string formId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).Leads.CountAsync(l => l.FormId == formId);
    }

    private async Task<DateTimeOffset?> FirstSeenAsync(TestUser user, string facebookLeadId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).Leads.Where(l => l.FacebookLeadId == facebookLeadId).Select(l => (DateTimeOffset?)l.FirstSeenAt).SingleOrDefaultAsync();
    }
}
