namespace LeadOps.Application.Integrations.Commands;

/// <summary>Replaces an integration's token with a new one for the same page, then tests it.</summary>
public sealed record ReconnectIntegration(int IntegrationId, string PageAccessToken) : IIntegrationCommand<IntegrationView>
{
    public override string ToString() => $"ReconnectIntegration {{ IntegrationId = {IntegrationId} }}";
}

public sealed class ReconnectIntegrationValidator : AbstractValidator<ReconnectIntegration>
{
    public ReconnectIntegrationValidator() => RuleFor(c => c.PageAccessToken).PageToken();
}

internal sealed class ReconnectIntegrationHandler(IntegrationAccess access, IntegrationChecker checker, ITokenProtector protector, IIntegrationRepository integrations)
    : IntegrationHandlerBase<ReconnectIntegration, IntegrationView>(access)
{
    protected override async Task<Result<IntegrationView>> HandleAsync(ReconnectIntegration command, Integration integration, CancellationToken cancellationToken)
    {
        var token = command.PageAccessToken.Trim();
        var (page, refusal) = await checker.IdentifyPageAsync(token, cancellationToken);
        if (page is null)
        {
            return Result<IntegrationView>.Unprocessable("Facebook rejected the page access token", refusal);
        }

        if (!string.IsNullOrEmpty(integration.PageId) && page.Id != integration.PageId)
        {
            return Result<IntegrationView>.Unprocessable("That token is for a different page", $"It belongs to {page.Name}; connect that page as a new integration instead.");
        }

        // An integration that never learnt its page (its first token was refused) may not become a second one of a page
        // the user has connected already: one integration per user and page (ADR 0027).
        if (string.IsNullOrEmpty(integration.PageId) && !integration.IsFromEnvironment
            && await integrations.FindForPageAsync(page.Id, cancellationToken) is { IsFromEnvironment: false } other && other.Id != integration.Id)
        {
            return Result<IntegrationView>.Unprocessable("That page is connected already", $"{page.Name} is connected as “{other.Name}”: reconnect that integration instead, and delete this one.");
        }

        integration.PageId = page.Id;
        integration.PageName = page.Name;
        integration.UseToken(protector.Protect(token), token);
        await checker.CheckAsync(integration, cancellationToken, tokenJustVerified: true);
        integration.RecordStaffChange(IntegrationChanged.Reconnect);
        return await Access.SaveAsync(integration, Access.Now, cancellationToken);
    }
}
