using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadOps.IntegrationTests;

public static class WebhookDrain
{
    /// <summary>
    /// How far ahead a pending delivery is still waited for: one a worker holds is pending until its lease ends. On a
    /// fake clock a delivery put off beyond that (a retry after Graph's estimated_time_to_regain_access) becomes due
    /// only when the test moves the clock, so it is not waited for.
    /// </summary>
    private static DateTimeOffset HorizonOf(TestApp app) => app.Clock == TimeProvider.System
        ? DateTimeOffset.UtcNow.AddMinutes(5)
        : app.Clock.GetUtcNow() + app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.ClaimLease;

    /// <summary>
    /// Processes every stored webhook delivery that is due, alongside the app's own worker, until none is pending
    /// and due. Waits on the condition (bounded by <see cref="HangGuard"/>), never on a fixed sleep.
    /// </summary>
    public static Task DrainAsync(this TestApp app) =>
        HangGuard.WaitAsync("the webhook deliveries that are due to be processed", async ct =>
        {
            var processor = app.Services.GetRequiredService<WebhookProcessor>();
            while (true)
            {
                while (await processor.ProcessDueAsync(ct) > 0)
                {
                }

                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
                var horizon = HorizonOf(app);
                if (!await db.WebhookDeliveries.AnyAsync(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= horizon, ct))
                {
                    return;
                }

                await Task.Delay(25, ct);
            }
        });
}
