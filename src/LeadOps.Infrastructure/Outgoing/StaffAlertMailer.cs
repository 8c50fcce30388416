using System.Text;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// Sends the staff alerts that are due, per owner: each alert on its own, and the hour's digest alerts together in one
/// e-mail. Every alert is claimed just before its e-mail is sent (a conditional UPDATE that moves its due time past a
/// lease), so two workers or nodes never send the same one, however long a batch takes; a failed send is tried again
/// five minutes later. Each e-mail's outcome is saved as soon as
/// it is known, so a pass that stops partway sends again only what had not left (after the lease).
/// </summary>
internal sealed class StaffAlertMailer(IServiceScopeFactory scopes, IOwnerScopeFactory ownerScopes, IStaffMail mail, TimeProvider clock)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var ownerId in await OwnersWithDueAlertsAsync(cancellationToken))
        {
            await using var scope = ownerScopes.CreateScope(ownerId);
            handled += await SendAsync(scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>(), ownerId, cancellationToken);
        }

        return handled;
    }

    /// <summary>Looks across owners by design (the worker serves everyone): which owners have alerts due; each is sent as its owner.</summary>
    private async Task<IReadOnlyList<string>> OwnersWithDueAlertsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        return await db.Set<StaffAlert>().IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(a => a.SentAt == null && a.DueAt <= now).Select(a => a.OwnerId).Distinct().Take(100).ToListAsync(cancellationToken);
    }

    private async Task<int> SendAsync(LeadOpsDbContext db, string ownerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<StaffAlert>().AsNoTracking().Where(a => a.SentAt == null && a.DueAt <= now).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Digest }).Take(500).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var to = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var handled = 0;
        foreach (var id in due.Where(a => !a.Digest).Select(a => a.Id))
        {
            // Claimed just before it is sent, so a lease only has to outlast one e-mail, never the whole batch.
            foreach (var alert in await ClaimAsync(db, [id], cancellationToken))
            {
                await RecordAsync(db, [alert], await mail.SendAsync(to, alert.Subject, alert.Text + Footer, cancellationToken));
                handled++;
            }
        }

        var digest = await ClaimAsync(db, due.Where(a => a.Digest).Select(a => a.Id).ToList(), cancellationToken);
        if (digest.Count > 0)
        {
            var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"{digest.Count} new lead{(digest.Count == 1 ? "" : "s")} in the last hour:").AppendLine();
            foreach (var alert in digest)
            {
                text.AppendLine("- " + alert.Text);
            }

            await RecordAsync(db, digest, await mail.SendAsync(to, $"LeadOps: {digest.Count} new lead{(digest.Count == 1 ? "" : "s")} in the last hour", text + Footer, cancellationToken));
        }

        return handled + digest.Count;
    }

    /// <summary>
    /// Claims the alerts that are still unsent and due, each by a conditional UPDATE that moves its due time past a lease,
    /// and loads the ones this call won.
    /// </summary>
    private async Task<List<StaffAlert>> ClaimAsync(LeadOpsDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = new List<long>();
        foreach (var id in ids)
        {
            var claimed = await db.Set<StaffAlert>().Where(a => a.Id == id && a.SentAt == null && a.DueAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DueAt, now + Lease), cancellationToken);
            if (claimed == 1)
            {
                mine.Add(id);
            }
        }

        return mine.Count == 0 ? [] : await db.Set<StaffAlert>().Where(a => mine.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    private const string Footer = "\n\n(Alert settings: the Webhooks & alerts page of LeadOps.)\n";

    /// <summary>
    /// Saves what became of one e-mail at once, even when the process is stopping: an alert that left must not be sent
    /// again, one that did not is tried again after its lease.
    /// </summary>
    private async Task RecordAsync(LeadOpsDbContext db, IEnumerable<StaffAlert> alerts, string? error)
    {
        var now = clock.GetUtcNow();
        foreach (var alert in alerts)
        {
            if (error is null)
            {
                alert.Sent(now);
            }
            else
            {
                alert.Failed(error, now + Lease);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
