namespace LeadOps.Application.Integrations;

/// <summary>
/// The one way staff change an integration's settings on its page: load it with its forms (another user's is not
/// found), change it, save it, and answer with how it looks now.
/// </summary>
internal sealed class IntegrationSettings(IIntegrationRepository integrations, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const string IntegrationNotFound = "Integration not found";

    /// <summary><paramref name="change"/> answers false when what it changes is not there: then <paramref name="notFound"/> is the answer.</summary>
    public async Task<Result<IntegrationView>> ChangeAsync(int integrationId, Func<Integration, bool> change, CancellationToken ct, string notFound = IntegrationNotFound)
    {
        var integration = await integrations.GetAsync(integrationId, ct);
        if (integration is null || !change(integration))
        {
            return Result<IntegrationView>.NotFound(notFound);
        }

        await unitOfWork.SaveChangesAsync(ct);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}
