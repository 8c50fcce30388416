using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Queries;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Writers of the same lead meeting halfway, played deterministically: the webhook stores a lead in the moment between a
/// retrieval's look for existing ids and its insert, so the retrieval's insert meets the unique index.
/// </summary>
public sealed class FailureHalfwayTests(DatabaseKind database) : AppFixture(database)
{
    private const string Form = SandboxSeed.MainTestRideFormId;

    private LeadInsertHook Hook => App.Services.GetRequiredService<LeadInsertHook>();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        // Meta's own webhooks stay away: the one webhook of the test is the one it plays in the race.
        .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0, WebhookDropRate = 1 })
        .WithSetting("Welcome:WorkerEnabled", "false")
        .WithServices(services =>
        {
            services.AddSingleton<LeadInsertHook>();
            services.AddScoped<LeadRepository>();
            services.AddScoped<ILeadRepository>(sp => new HookedLeadRepository(sp.GetRequiredService<LeadRepository>(), sp.GetRequiredService<LeadInsertHook>()));
        });

    [SetUp]
    public void NoHook() => Hook.BeforeBatch = null;

    [Test]
    public async Task A_webhook_lead_stored_between_a_retrievals_check_and_its_insert_is_stored_once_with_one_welcome_and_the_rest_with_theirs()
    {
        var user = await App.NewUserAsync();
        var connected = await App.SendAsync(user, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        var integration = connected.Value!.Id;
        var submitted = Graph.SubmitLeads(Form, 5);
        var raced = submitted[2];

        Hook.BeforeBatch = async _ =>
        {
            Hook.BeforeBatch = null;
            var stored = await App.SendAsync(user, new StoreWebhookLead(integration, Form, raced));
            Assert.That(stored.Value?.Status, Is.EqualTo(ProcessedLeadStatus.Created), "the webhook got there first");
        };
        var result = await App.SendAsync(user, new RetrieveFacebookLeads(integration, Form));

        Assert.That(result.IsSuccess, Is.True, result.Error);
        var summary = result.Value!;
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var leads = await db.Leads.AsNoTracking().Where(l => l.FormId == Form).ToListAsync();
        var welcomes = await db.OutboxMessages.AsNoTracking().Where(o => o.Kind == OutboxMessage.WelcomeKind).ToListAsync();
        var found = await App.SendAsync(user, new ListLeads(new LeadFilter(FormId: Form)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Failure, Is.Null);
            Assert.That((summary.NewLeads, summary.ExistingLeads, summary.FailedLeads), Is.EqualTo((4, 1, 0)), "the raced lead counts as existing, never as an error");
            Assert.That(summary.ProcessedLeads.Single(p => p.FacebookLeadId == raced).Status, Is.EqualTo(ProcessedLeadStatus.Existing));
            Assert.That(leads.Select(l => l.FacebookLeadId), Is.EquivalentTo(submitted), "each lead once");
            Assert.That(leads.Single(l => l.FacebookLeadId == raced).Source, Is.EqualTo(LeadSource.Webhook));
            Assert.That(welcomes.Select(w => w.LeadId), Is.EquivalentTo(leads.Select(l => l.Id)), "one welcome row per lead, none without its lead");
            Assert.That(found.Items.Select(l => l.FacebookLeadId), Is.EquivalentTo(submitted), "every lead is listed");
        }
    }
}

/// <summary>Lets a test act in the moment before a retrieval's batch of new leads is inserted.</summary>
public sealed class LeadInsertHook
{
    public Func<IReadOnlyList<Lead>, Task>? BeforeBatch { get; set; }
}

/// <summary>The app's lead repository, with the hook run before a batch of more than one lead is inserted.</summary>
internal sealed class HookedLeadRepository(ILeadRepository inner, LeadInsertHook hook) : ILeadRepository
{
    public Task<IReadOnlyDictionary<string, ExistingLead>> GetExistingFacebookLeadIdsAsync(IReadOnlyCollection<string> facebookLeadIds, CancellationToken cancellationToken) =>
        inner.GetExistingFacebookLeadIdsAsync(facebookLeadIds, cancellationToken);

    public Task<IReadOnlyList<Lead>> GetTrackedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => inner.GetTrackedAsync(ids, cancellationToken);

    public async Task<IReadOnlySet<string>> InsertNewAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        if (leads.Count > 1 && hook.BeforeBatch is { } before)
        {
            await before(leads);
        }

        return await inner.InsertNewAsync(leads, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, int>> CountByFormAsync(IReadOnlyCollection<string> formIds, CancellationToken cancellationToken) =>
        inner.CountByFormAsync(formIds, cancellationToken);

    public Task<LeadFailure?> FindFailureAsync(string facebookLeadId, CancellationToken cancellationToken) => inner.FindFailureAsync(facebookLeadId, cancellationToken);

    public void AddFailure(LeadFailure failure) => inner.AddFailure(failure);
}
