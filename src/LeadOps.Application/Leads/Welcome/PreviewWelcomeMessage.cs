namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// The lead's welcome e-mail as its integration's template renders it (subject, recipient, plain text), for the lead's
/// page whatever the mail transport: only a pickup folder keeps a copy of what was sent. Not found without an
/// integration or an e-mail address to render for.
/// </summary>
public sealed record PreviewWelcomeMessage(long LeadId) : IQuery<Result<WelcomePreview>>;

internal sealed class PreviewWelcomeMessageHandler(IWelcomeOutbox outbox, IIntegrationRepository integrations)
    : IQueryHandler<PreviewWelcomeMessage, Result<WelcomePreview>>
{
    public async ValueTask<Result<WelcomePreview>> Handle(PreviewWelcomeMessage query, CancellationToken cancellationToken)
    {
        var message = await outbox.GetForLeadAsync(query.LeadId, cancellationToken);
        var integration = message?.Lead?.IntegrationId is { } integrationId ? await integrations.GetWithoutFormsAsync(integrationId, cancellationToken) : null;
        if (message?.Lead is not { } lead || integration is null)
        {
            return Result<WelcomePreview>.NotFound(RetryWelcomeMessageHandler.NotFound);
        }

        var rendered = WelcomeRenderer.Render(lead, integration);
        return rendered.To.Email is { } to
            ? Result<WelcomePreview>.Ok(new WelcomePreview(rendered.Subject, to, rendered.TextBody))
            : Result<WelcomePreview>.NotFound("The lead has no e-mail address");
    }
}
