namespace LeadOps.Application.Integrations;

/// <summary>The acting user's integrations as staff and the API see them.</summary>
internal static class IntegrationViews
{
    /// <summary>Every integration of the acting user, by name, with its state at <paramref name="now"/> and its forms.</summary>
    public static async Task<IReadOnlyList<IntegrationView>> ListViewsAsync(this IIntegrationRepository integrations, DateTimeOffset now, CancellationToken ct) =>
        [.. (await integrations.ListAsync(ct)).Select(i => IntegrationView.From(i, now))];
}
