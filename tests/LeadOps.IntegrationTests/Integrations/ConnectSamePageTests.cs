using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// Connecting a page the user has connected already: one integration per page and user, held by the database, so two
/// connects at the same moment (a double click, two tabs) leave one integration, and the one that loses the race is
/// answered as a reconnect of it; a connect that finds the page connected is in the audit trail as a reconnect.
/// </summary>
public sealed class ConnectSamePageTests(DatabaseKind database) : AppFixture(database)
{
    private readonly DuringCheck _duringCheck = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox()
        .WithServices(services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => _duringCheck.Handler())));

    [Test]
    public async Task Two_connects_of_one_page_at_the_same_moment_leave_one_integration_and_neither_fails()
    {
        var user = await App.NewUserAsync();
        using var first = App.ApiClient(user);
        using var second = App.ApiClient(user);
        HttpResponseMessage? secondResponse = null;

        // The first connect has looked for the page's integration and is testing the token: the second connect runs
        // from beginning to end now, so both found none.
        _duringCheck.Arm(async () => secondResponse = await second.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken, name = "Second tab" }));
        using var firstResponse = await first.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken, name = "First tab" });

        Assert.That(secondResponse, Is.Not.Null, "the second connect ran while the first one tested the token");
        Assert.That(secondResponse!.StatusCode, Is.EqualTo(HttpStatusCode.Created), await secondResponse.Content.ReadAsStringAsync());
        Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.Created), await firstResponse.Content.ReadAsStringAsync());
        var firstId = (await firstResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var secondId = (await secondResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var scope = App.ScopeFor(user.Id);
        var stored = await App.Db(scope).Integrations.AsNoTracking().Include(i => i.Forms).Where(i => i.PageId == SandboxSeed.MainPageId).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Select(i => i.Id), Is.EqualTo(new[] { secondId }), "one integration for the page: the one stored first");
            Assert.That(firstId, Is.EqualTo(secondId), "the later connect answered with that integration");
            Assert.That(stored[0].Name, Is.EqualTo("First tab"), "the later connect's name, as a reconnect gives it");
            Assert.That(stored[0].Forms.Select(f => f.FormId).ToList(), Is.Unique.And.Count.EqualTo(3), "its forms once");
        });
    }

    [Test]
    public async Task Connecting_a_page_connected_already_is_audited_as_a_reconnect()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        var connected = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });
        var again = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });

        Assert.That(connected.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the API's answer to a connect stays 201");
        var rows = (await App.SendAsync(user, new ListAuditEntries())).Items.Reverse().Where(r => r.SubjectType == AuditActions.Integration).ToList();
        Assert.That(rows.Select(r => (r.Action, r.SubjectId, r.Outcome)), Is.EqualTo(new[]
        {
            ("connect", SandboxSeed.MainPageId, AuditActions.Ok),
            ("reconnect", SandboxSeed.MainPageId, AuditActions.Ok),
        }));
    }

    /// <summary>Runs a step once, while a connect reads the page's webhook subscriptions (part of testing its token).</summary>
    private sealed class DuringCheck
    {
        private Func<Task>? _step;

        public void Arm(Func<Task> step) => _step = step;

        public DelegatingHandler Handler() => new Hook(this);

        private sealed class Hook(DuringCheck owner) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/subscribed_apps", StringComparison.Ordinal) &&
                    Interlocked.Exchange(ref owner._step, null) is { } step)
                {
                    await step();
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
