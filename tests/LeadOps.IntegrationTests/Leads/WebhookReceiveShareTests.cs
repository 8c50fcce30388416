using System.Net;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Web.Api.Webhook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LeadOps.IntegrationTests.Leads.WebhookReceiveBudgetTests;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// With the default budget (64 MiB), one client address may hold a quarter of it: a stranger who fills their share is
/// refused more, while Meta's deliveries from its own addresses are taken. Addresses come through the forwarded headers
/// of a known proxy (loopback here, ADR 0013).
/// </summary>
public sealed class WebhookReceiveShareTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_stranger_holding_their_share_is_refused_more_while_meta_is_taken()
    {
        var budget = App.Services.GetRequiredService<WebhookReceiveBudget>();
        var before = await DeliveryCountAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stranger = App.NewClient();
        var held = stranger.SendAsync(Forged(new HeldBody(15 * 1024 * 1024, gate.Task), "203.0.113.7"));
        await HangGuard.UntilAsync("the stranger to hold their whole share", _ => Task.FromResult(budget.InUse == WebhookEndpoints.MaxBodyBytes));

        using var more = await stranger.SendAsync(Forged(new MemoryStream(new byte[8 * 1024]), "203.0.113.7"));
        var delivery = """{"object":"page","entry":[{"id":"999000222","time":1733400000000,"messaging":[]}]}""";
        using var meta = App.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent(delivery, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(
            System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Graph.Options.AppSecret), System.Text.Encoding.UTF8.GetBytes(delivery))));
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "173.252.127.1");
        using var taken = await meta.SendAsync(request);

        gate.SetResult();
        using var strangerAnswer = await held;
        var after = await DeliveryCountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(more.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "the stranger's address has no share left");
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Meta's address still has room");
            Assert.That(after, Is.EqualTo(before + 1));
            Assert.That(strangerAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    private async Task<int> DeliveryCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.CountAsync();
    }
}
