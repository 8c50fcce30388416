using System.Text.Json;

namespace LeadOps.GraphSandbox;

/// <summary>
/// <see cref="SandboxOptions.StateFile"/>: the sandbox's world kept across restarts, so that what LeadOps stored (a
/// customer's PSID, a lead's id, a page's subscription) still means the same after one. The seeded world is rebuilt as
/// at its first seed, then what came since is put back without a webhook. Requests, sends, faults and the webhook log
/// are not kept, nor conversation histories beyond the seed's.
/// </summary>
internal static class SandboxStateFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What the file would hold now, read under the state's lock so that every store is seen at one moment.</summary>
    public static byte[] Serialize(SandboxState state) => JsonSerializer.SerializeToUtf8Bytes(state.Atomically(() => Capture(state)), Json);

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> whole or not at all: into <c>{path}.tmp</c>, flushed
    /// to the disk, then moved over the old file. A write cut off (a killed process, the machine switched off) leaves the
    /// last complete file in place and at most a half <c>.tmp</c>, which nothing reads and the next write replaces.
    /// </summary>
    public static void Write(byte[] content, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Puts back the state saved in <paramref name="path"/>; does nothing when there is no such file.</summary>
    /// <exception cref="InvalidDataException">The file is unreadable, was saved with another seed, or has a form of an unknown kind.</exception>
    public static void Load(SandboxState state, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        SandboxSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize<SandboxSnapshot>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException)
        {
            snapshot = null;
        }

        if (snapshot is null || snapshot.Seed != state.Options.Seed || snapshot.InitialLeadsPerForm != state.Options.InitialLeadsPerForm ||
            snapshot.LeadIdBase != state.Options.LeadIdBase)
        {
            throw new InvalidDataException(
                $"The Graph sandbox's state file '{path}' is unreadable or was saved with another seed or lead id base; delete it to start from the seed.");
        }

        state.Atomically(() => Restore(state, snapshot, path));
    }

    private static SandboxSnapshot Capture(SandboxState state)
    {
        var pages = state.Pages.All;
        return new SandboxSnapshot(
            state.Options.Seed,
            state.Options.InitialLeadsPerForm,
            state.SeededAt,
            state.Messages.MessageCount,
            [.. pages.Select(p => new SavedPage(p.Id, state.Subscriptions.FieldsOf(p), p.Token.ForcedExpired ? p.Token.ExpiresAt : null, p.HasLeadAccess))],
            [.. state.Forms.All.Where(f => f.Page.Seed.Forms.All(seeded => seeded.Id != f.Id)).Select(f => new SavedForm(f.Id, f.Page.Id, f.Name, f.Status, f.CreatedUnix, f.Template.Kind))],
            state.Leads.SinceSeed(),
            [.. pages.SelectMany(p => state.Messages.CustomersOf(p).Select(c => new SavedCustomer(p.Id, c.Psid, c.LastCustomerMessageAt, c.ThreadOwnerAppId)))])
        {
            LeadIdBase = state.Options.LeadIdBase,
        };
    }

    private static void Restore(SandboxState state, SandboxSnapshot snapshot, string path)
    {
        state.Seed(snapshot.SeededAt);
        foreach (var form in snapshot.Forms)
        {
            var page = state.Pages.Require(form.PageId);
            var template = FormTemplates.OfKind(form.Kind)
                ?? throw new InvalidDataException($"The Graph sandbox's state file '{path}' has a form of a kind it does not know ('{form.Kind}'); delete it to start from the seed.");
            Check(state.Forms.Create(page, form.Name, form.Status, DateTimeOffset.FromUnixTimeSeconds(form.CreatedUnix), template).Id == form.Id, path);
        }

        // Leads come back without webhooks: LeadOps has had them already.
        foreach (var lead in snapshot.Leads)
        {
            Check(state.Leads.Restore(lead).Sequence == lead.Sequence, path);
        }

        foreach (var saved in snapshot.Customers)
        {
            var (_, customer) = state.Messages.Require(saved.PageId, saved.Psid);
            customer.LastCustomerMessageAt = saved.LastCustomerMessageAt;
            customer.ThreadOwnerAppId = saved.ThreadOwnerAppId;
        }

        state.Messages.MessageCount = Math.Max(state.Messages.MessageCount, snapshot.MessageCount);
        foreach (var saved in snapshot.Pages)
        {
            var page = state.Pages.Require(saved.Id);
            state.Subscriptions.Set(page, saved.SubscribedFields);
            page.HasLeadAccess = saved.HasLeadAccess;
            if (saved.TokenExpiredAt is { } expiredAt)
            {
                page.Token.Expire(expiredAt);
            }
        }
    }

    private static void Check(bool same, string path)
    {
        if (!same)
        {
            throw new InvalidDataException($"The Graph sandbox's state file '{path}' does not fit its seed; delete it to start from the seed.");
        }
    }
}
